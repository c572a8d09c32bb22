import QtQuick
import QtQuick.Controls
import Kiosk

// Pick list (调卷单): approved requests not yet issued, in shelf order; each line is ticked by scanning its box.
// The ticks come from the books (ledger "pick"), so they are the same on every kiosk and after a restart.
// A ticked line's "Undo tick" asks why (wrong box scanned / box put back) and undoes it in the books ("unpick").
Item {
    id: panel

    readonly property var pick: BoxDesk.pickList

    onVisibleChanged: {
        if (!visible)
            undoDialog.close()
    }

    Label {
        id: summary
        anchors.left: parent.left
        anchors.right: refresh.left
        anchors.verticalCenter: refresh.verticalCenter
        anchors.leftMargin: Theme.gap
        text: panel.pick.lines.count === 0 ? qsTr("No approved requests are waiting to be fetched.")
            : qsTr("%1 approved requests, in shelf order. Scan each box you take: %2 of %1 picked.")
                  .arg(panel.pick.lines.count).arg(panel.pick.picked)
        font.pixelSize: Theme.body
        color: Theme.ink
        wrapMode: Text.WordWrap
    }
    BigButton {
        id: refresh
        objectName: "pickRefresh"
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        text: qsTr("Refresh")
        onClicked: panel.pick.load()
    }

    ListView {
        objectName: "pickList"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: refresh.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gap
        clip: true
        spacing: Theme.gap / 2
        model: panel.pick.lines
        delegate: Rectangle {
            id: line
            required property int index
            required property int requestId
            required property string boxBarcode
            required property string code
            required property string title
            required property string requesterName
            required property string department
            required property string modeZh
            required property string modeEn
            required property string securityZh
            required property string securityEn
            required property string locationZh
            required property string locationEn
            required property bool picked
            required property string pickedBy
            required property string pickedAt
            objectName: "pickLine" + index
            width: ListView.view.width
            height: Math.max(Theme.touch + (line.picked ? Theme.gap : 0), content.implicitHeight + Theme.gap)
            radius: Theme.radius
            color: line.picked ? Theme.okSoft : Theme.surface
            border.color: line.picked ? Theme.ok : Theme.line
            border.width: 2
            Label {
                id: tick
                objectName: "pickTick" + line.index
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: Theme.gap
                width: Theme.touch * 0.7
                text: line.picked ? "✓" : "○"
                font.pixelSize: Theme.huge
                color: line.picked ? Theme.ok : Theme.muted
            }
            Column {
                id: content
                anchors.left: tick.right
                anchors.right: undo.visible ? undo.left : parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: Theme.gap / 2
                Label {
                    width: parent.width
                    text: Language.pick(line.locationZh, line.locationEn) + "   " + line.boxBarcode
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.ink
                    wrapMode: Text.Wrap
                }
                Label {
                    width: parent.width
                    text: line.title + (line.code !== line.boxBarcode ? "  (" + line.code + ")" : "")
                    font.pixelSize: Theme.small
                    color: Theme.ink
                    wrapMode: Text.Wrap
                }
                Label {
                    width: parent.width
                    text: line.requesterName + (line.department !== "" ? " · " + line.department : "") + " · "
                          + Language.pick(line.modeZh, line.modeEn) + " · " + Language.pick(line.securityZh, line.securityEn)
                    font.pixelSize: Theme.small
                    color: Theme.muted
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "pickedBy" + line.index
                    visible: line.picked
                    width: parent.width
                    text: qsTr("Taken out by %1 at %2").arg(line.pickedBy).arg(line.pickedAt)
                    font.pixelSize: Theme.small
                    color: Theme.ok
                    wrapMode: Text.Wrap
                }
            }
            BigButton {
                id: undo
                objectName: "pickUndo" + line.index
                visible: line.picked
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.rightMargin: Theme.gap / 2
                text: qsTr("Undo tick")
                enabled: !BoxDesk.pickList.busy
                onClicked: BoxDesk.pickList.askUnpick(line.index)
            }
        }
    }

    // The short confirmation: which box, and why the tick is undone (each reason button confirms; Cancel keeps it).
    Popup {
        id: undoDialog

        property var line: ({})  // the line asked about (fields of BoxDesk.pickList.lines)

        objectName: "unpickDialog"
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(Overlay.overlay ? Overlay.overlay.width - Theme.gap * 2 : 600, Theme.touch * 10)
        padding: Theme.gap * 1.5

        Connections {
            target: panel.pick
            function onUnpickAsked(asked: var) {
                undoDialog.line = asked
                undoDialog.open()
            }
            function onUnpickDone(ok: bool) {
                undoDialog.close()
            }
        }

        Column {
            width: parent.width
            spacing: Theme.gap
            Label {
                width: parent.width
                text: qsTr("Undo the tick of %1?").arg(undoDialog.line.boxBarcode ?? "")
                font.pixelSize: Theme.title
                font.bold: true
                color: Theme.ink
                wrapMode: Text.Wrap
            }
            Label {
                width: parent.width
                text: (undoDialog.line.title ?? "") + "\n"
                      + Language.pick(undoDialog.line.locationZh ?? "", undoDialog.line.locationEn ?? "")
                font.pixelSize: Theme.small
                color: Theme.muted
                wrapMode: Text.Wrap
            }
            Label {
                width: parent.width
                text: qsTr("The line goes back to “to be fetched”; the taking out stays in the ledger.")
                font.pixelSize: Theme.body
                color: Theme.ink
                wrapMode: Text.Wrap
            }
            BigButton {
                objectName: "unpickWrongBox"
                width: parent.width
                highlighted: true
                text: qsTr("Undo: wrong box scanned")
                enabled: !panel.pick.busy
                onClicked: panel.pick.unpick(undoDialog.line.requestId, "wrong_box")
            }
            BigButton {
                objectName: "unpickPutBack"
                width: parent.width
                highlighted: true
                text: qsTr("Undo: box put back on its shelf")
                enabled: !panel.pick.busy
                onClicked: panel.pick.unpick(undoDialog.line.requestId, "put_back")
            }
            BigButton {
                objectName: "unpickCancel"
                width: parent.width
                text: qsTr("Keep the tick")
                onClicked: undoDialog.close()
            }
        }
    }
}
