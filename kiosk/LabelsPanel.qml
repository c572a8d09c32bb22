import QtQuick
import QtQuick.Controls
import Kiosk

// Labels (标签): scan a shelf → its position and boxes with their label state; print the shelf label, or every
// out-of-date box label of the shelf as one job. Scan boxes → collected for a batch, printed together.
// The simulated (file) printer is said on top, with the folder the files go to.
Item {
    id: panel

    readonly property var desk: BoxDesk.labelDesk
    readonly property var printer: BoxDesk.printer
    readonly property bool wide: width > height

    component BoxList: Rectangle {
        id: group
        property string heading
        property var rows
        property string emptyText: "—"
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.line
        border.width: 2
        Label {
            id: groupHeading
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.gap / 2
            text: group.heading
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.ink
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            anchors.top: groupHeading.bottom
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.margins: Theme.gap / 2
            visible: group.rows && group.rows.count === 0
            text: group.emptyText
            font.pixelSize: Theme.small
            color: Theme.muted
            wrapMode: Text.WordWrap
        }
        ListView {
            anchors.fill: parent
            anchors.topMargin: groupHeading.height + Theme.gap
            anchors.margins: Theme.gap / 2
            clip: true
            spacing: 2
            model: group.rows
            delegate: Rectangle {
                id: line
                required property string code
                required property string title
                required property string boxNo
                required property string labelState
                width: ListView.view.width
                height: lineText.implicitHeight + 6
                radius: 4
                color: line.labelState === "current" ? Theme.okSoft : Theme.warnSoft
                Label {
                    id: lineText
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: 4
                    text: line.code + (line.boxNo !== "" ? "  #" + line.boxNo : "") + "  ·  "
                          + (line.labelState === "current" ? qsTr("label up to date")
                             : line.labelState === "stale" ? qsTr("label out of date") : qsTr("no label yet"))
                          + (line.title !== "" ? "  ·  " + line.title : "")
                    font.pixelSize: Theme.small
                    color: Theme.ink
                    elide: Text.ElideRight
                }
            }
        }
    }

    // The simulated printer: where the labels go instead of paper.
    Label {
        id: simulatedNote
        objectName: "printerSimulatedNote"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        height: visible ? implicitHeight : 0
        visible: panel.printer.simulated
        text: Language.pick(panel.printer.noticeZh, panel.printer.noticeEn)
        font.pixelSize: Theme.small
        color: Theme.ink
        padding: Theme.gap / 4
        leftPadding: Theme.gap / 2
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere  // one line at 1024 px; a long folder wraps rather than being cut
        background: Rectangle { color: Theme.warnSoft; radius: Theme.radius }
    }

    // Before a shelf is scanned: what to do. Afterwards the shelf is named in its list's heading.
    Label {
        id: intro
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: simulatedNote.bottom
        anchors.margins: Theme.gap
        height: visible ? implicitHeight : 0
        visible: panel.desk.shelf === ""
        text: qsTr("Scan a shelf to print its label or its out-of-date box labels; scan boxes to print their labels together.")
        font.pixelSize: Theme.title
        color: Theme.muted
        wrapMode: Text.Wrap
        maximumLineCount: 3
        elide: Text.ElideRight
    }

    Flow {
        id: actions
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: intro.bottom
        anchors.margins: Theme.gap
        anchors.topMargin: intro.visible ? Theme.gap : 0
        spacing: Theme.gap
        BigButton {
            objectName: "printShelfLabel"
            enabled: panel.desk.shelf !== "" && !panel.desk.busy
            text: qsTr("Print shelf label")
            highlighted: true
            onClicked: panel.desk.printShelfLabel()
        }
        BigButton {
            objectName: "printStaleLabels"
            visible: panel.desk.staleCount > 0
            enabled: !panel.desk.busy
            text: qsTr("Print %n out-of-date label(s)", "", panel.desk.staleCount)
            highlighted: true
            onClicked: panel.desk.printStaleLabels()
        }
        BigButton {
            objectName: "printPickedLabels"
            visible: panel.desk.picked.count > 0
            text: qsTr("Print %n scanned box label(s)", "", panel.desk.picked.count)
            highlighted: true
            onClicked: panel.desk.printPicked()
        }
        BigButton {
            objectName: "clearPickedLabels"
            visible: panel.desk.picked.count > 0
            text: qsTr("Clear list")
            onClicked: panel.desk.clearPicked()
        }
    }

    Grid {
        id: lists
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: actions.bottom
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gap
        columns: panel.wide ? 2 : 1
        spacing: Theme.gap
        readonly property real cellWidth: (width - spacing * (columns - 1)) / columns
        readonly property real cellHeight: panel.wide ? height : (height - spacing) / 2

        BoxList {
            objectName: "labelShelfBoxes"
            width: lists.cellWidth
            height: lists.cellHeight
            heading: panel.desk.shelf === "" ? qsTr("Boxes on the shelf")
                : qsTr("Shelf %1 (%2): %3 boxes, %4 need a new label.")
                      .arg(Language.pick(panel.desk.shelfZh, panel.desk.shelfEn)).arg(panel.desk.shelf)
                      .arg(panel.desk.boxes.count).arg(panel.desk.staleCount)
            emptyText: panel.desk.shelf === "" ? qsTr("No shelf scanned yet.") : qsTr("No boxes on this shelf.")
            rows: panel.desk.boxes
        }
        BoxList {
            objectName: "labelPickedBoxes"
            width: lists.cellWidth
            height: lists.cellHeight
            heading: qsTr("Scanned boxes (batch)") + "  " + panel.desk.picked.count
            emptyText: qsTr("Scan boxes one after another to print their labels as one job.")
            rows: panel.desk.picked
        }
    }
}
