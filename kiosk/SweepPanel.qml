import QtQuick
import QtQuick.Controls
import Kiosk

// Inventory sweep (盘点): scan a shelf, then its boxes; four live lists; finish → saved in the books, report PDF.
Item {
    id: panel

    readonly property var sweep: BoxDesk.sweep
    readonly property bool wide: width >= Theme.touch * 12  // by width alone: a tall feedback band must not make it "wide"

    component GroupList: Rectangle {
        id: group
        property string heading
        property color tint
        property var rows
        property string emptyText: "—"
        radius: Theme.radius
        color: Theme.surface
        border.color: group.tint
        border.width: 3
        Label {
            id: groupHeading
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.gap / 2
            text: group.heading + "  " + (group.rows ? group.rows.count : 0)
            font.pixelSize: Theme.body
            font.bold: true
            color: group.tint
            elide: Text.ElideRight
        }
        Label {
            anchors.top: groupHeading.bottom
            anchors.left: parent.left
            anchors.margins: Theme.gap / 2
            visible: group.rows && group.rows.count === 0
            text: group.emptyText
            font.pixelSize: Theme.small
            color: Theme.muted
        }
        ListView {
            anchors.fill: parent
            anchors.topMargin: groupHeading.height + Theme.gap
            anchors.margins: Theme.gap / 2
            clip: true
            spacing: 2
            model: group.rows
            delegate: Column {
                id: line
                required property string code
                required property string title
                required property string noteZh
                required property string noteEn
                width: ListView.view.width
                Label {
                    width: parent.width
                    text: line.code
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.ink
                    elide: Text.ElideRight
                }
                Label {
                    width: parent.width
                    visible: line.noteZh !== ""
                    text: Language.pick(line.noteZh, line.noteEn)
                    font.pixelSize: Theme.small
                    color: Theme.muted
                    wrapMode: Text.WordWrap
                }
                Label {
                    width: parent.width
                    visible: line.title !== ""
                    text: line.title
                    font.pixelSize: Theme.small
                    color: Theme.muted
                    elide: Text.ElideRight
                }
            }
        }
    }

    Label {
        id: intro
        anchors.left: parent.left
        anchors.right: actions.left
        anchors.top: parent.top
        anchors.margins: Theme.gap
        text: panel.sweep.stage === "" ? qsTr("Scan the shelf to sweep, then every box on it.")
            : panel.sweep.stage === "scanning" ? qsTr("Sweeping %1: scan each box on the shelf (%2 scanned).")
                                                 .arg(Language.pick(panel.sweep.shelfZh, panel.sweep.shelfEn)).arg(panel.sweep.scanned)
            : qsTr("Sweep of %1 saved.").arg(Language.pick(panel.sweep.shelfZh, panel.sweep.shelfEn))
              + (panel.sweep.reportPath !== "" ? " " + qsTr("Report saved: %1").arg(panel.sweep.reportPath.split("/").pop()) : "")
        font.pixelSize: panel.sweep.stage === "" ? Theme.title : Theme.body
        color: panel.sweep.stage === "" ? Theme.muted : Theme.ink
        wrapMode: Text.Wrap  // all of it (a narrow screen needs more lines for the report's file name)
    }
    Row {
        id: actions
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        spacing: Theme.gap
        BigButton {
            objectName: "sweepFinish"
            visible: panel.sweep.stage === "scanning"
            enabled: !panel.sweep.busy
            text: qsTr("Finish sweep")
            highlighted: true
            onClicked: panel.sweep.finish()
        }
        BigButton {
            objectName: "sweepPrint"
            visible: panel.sweep.stage === "done"
            enabled: panel.sweep.reportPath !== ""
            text: qsTr("Print report")
            highlighted: true
            onClicked: panel.sweep.printReport()
        }
        BigButton {
            objectName: "sweepReset"
            visible: panel.sweep.stage !== ""
            text: panel.sweep.stage === "done" ? qsTr("Next shelf") : qsTr("Discard")
            onClicked: panel.sweep.reset()
        }
    }

    Grid {
        id: groups
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: intro.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gap
        anchors.topMargin: Math.max(Theme.gap, actions.height - intro.height + Theme.gap)
        visible: panel.sweep.stage !== ""
        columns: panel.wide ? 4 : 2
        spacing: Theme.gap
        readonly property real cellWidth: (width - spacing * (columns - 1)) / columns
        readonly property real cellHeight: panel.wide ? height : (height - spacing) / 2

        GroupList {
            objectName: "sweepFound"
            width: groups.cellWidth
            height: groups.cellHeight
            heading: qsTr("Found")
            tint: Theme.ok
            rows: panel.sweep.found
        }
        GroupList {
            objectName: "sweepMissing"
            width: groups.cellWidth
            height: groups.cellHeight
            heading: panel.sweep.stage === "done" ? qsTr("Missing (flagged)") : qsTr("Not scanned yet")
            tint: Theme.error
            rows: panel.sweep.missing
        }
        GroupList {
            objectName: "sweepMisplaced"
            width: groups.cellWidth
            height: groups.cellHeight
            heading: qsTr("Misplaced")
            tint: Theme.warn
            rows: panel.sweep.misplaced
        }
        GroupList {
            objectName: "sweepUnknown"
            width: groups.cellWidth
            height: groups.cellHeight
            heading: qsTr("Unknown")
            tint: Theme.muted
            rows: panel.sweep.unknown
        }
    }
}
