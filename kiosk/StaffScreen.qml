import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// The archivist's desk. A row of flows on top: the box card (scan a box → its card and the actions that apply;
// batch return / batch move), inventory sweep (盘点), pick list (调卷), transfer in (移交接收) and labels (标签).
Item {
    id: screen

    readonly property bool wide: width > height
    readonly property var box: BoxDesk.box
    readonly property string state_: box.state === undefined ? "" : box.state
    // Explicit column widths: with only ratios, Qt 6.4's GridLayout kept the left column at its tiny implicit
    // width when the box card first became visible (card drawn 0 px wide, values missing).
    readonly property real usable: width - Theme.gap * 3

    // Which flow: buttons, not a TabBar, so each is a ≥ 9 mm touch target with its own objectName. All in one row,
    // or in rows of three or two when the widest label would not fit on two lines (portrait).
    Grid {
        id: flowBar
        readonly property var flows: [["", qsTr("Box desk")], ["sweep", qsTr("Inventory sweep")], ["pick", qsTr("Pick list")],
                                      ["transfer", qsTr("Transfer in")], ["labels", qsTr("Labels")]]
        // measured from the labels (not from the buttons, whose widths depend on the columns)
        readonly property real widest: {
            let most = Theme.touch * 2
            for (let i = 0; i < flows.length; ++i)
                most = Math.max(most, flowFont.advanceWidth(flows[i][1]) + Theme.gap * 3)
            return most
        }
        // A BigButton's implicit width has room to spare around its label; a label of two words may take two lines.
        function fits(n: int): bool { return (width - spacing * (n - 1)) / n >= widest * 0.75 }
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        spacing: Theme.gap
        columns: fits(flows.length) ? flows.length : fits(3) ? 3 : 2
        readonly property real cell: (width - spacing * (columns - 1)) / columns
        FontMetrics {
            id: flowFont
            font.pixelSize: Theme.body
            font.bold: true
        }
        Repeater {
            model: {
                const out = []
                for (let i = 0; i < flowBar.flows.length; ++i)
                    out.push([flowBar.flows[i][0], flowBar.flows[i][1], flowBar.cell])  // the button's width goes with it
                return out
            }
            delegate: BigButton {
                required property var modelData
                objectName: "flow_" + (modelData[0] === "" ? "desk" : modelData[0])
                width: modelData[2]
                text: modelData[1]
                highlighted: BoxDesk.flow === modelData[0]
                onClicked: BoxDesk.flow = modelData[0]
            }
        }
    }

    SweepPanel {
        objectName: "sweepPanel"
        anchors.fill: flowArea
        visible: BoxDesk.flow === "sweep"
    }
    PickListPanel {
        objectName: "pickListPanel"
        anchors.fill: flowArea
        visible: BoxDesk.flow === "pick"
    }
    TransferPanel {
        objectName: "transferPanel"
        anchors.fill: flowArea
        visible: BoxDesk.flow === "transfer"
    }
    LabelsPanel {
        objectName: "labelsPanel"
        anchors.fill: flowArea
        visible: BoxDesk.flow === "labels"
    }

    Item {
        id: flowArea
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: flowBar.bottom
        anchors.bottom: parent.bottom
    }

    GridLayout {
        anchors.fill: flowArea
        anchors.margins: Theme.gap
        visible: BoxDesk.flow === ""
        columns: screen.wide ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        // Left: what the box is. A plain Column whose children take its full width (a ColumnLayout gave the
        // card only its implicit width).
        Item {
            id: leftColumn
            Layout.fillWidth: true
            Layout.fillHeight: screen.wide  // portrait: the card's own height, the session log takes the rest
            Layout.preferredWidth: screen.wide ? screen.usable * 0.6 : screen.usable
            Layout.preferredHeight: leftContent.implicitHeight

            Column {
            id: leftContent
            width: leftColumn.width
            spacing: Theme.gap

            Label {
                width: parent.width
                visible: !BoxDesk.hasBox || BoxDesk.batch !== ""
                text: BoxDesk.batch === "checkin" ? qsTr("Batch return: scan each box; each one is checked in as OK.")
                    : BoxDesk.batch === "move" ? (!BoxDesk.hasBatchShelf
                        ? qsTr("Batch move: scan the target shelf first.")
                        : qsTr("Batch move to %1: scan each box.").arg(Language.pick(BoxDesk.batchShelfZh, BoxDesk.batchShelfEn)))
                    : qsTr("Scan a box to see it here.")
                font.pixelSize: Theme.title
                color: Theme.muted
                wrapMode: Text.WordWrap
            }

            BoxCard {
                objectName: "boxCard"
                width: parent.width
                visible: BoxDesk.hasBox && BoxDesk.batch === ""
                box: screen.box
            }

            }
        }

        // Right: batch mode, the actions that apply (or what the action waits for), this session's log
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: screen.wide ? screen.usable * 0.4 : screen.usable
            spacing: Theme.gap

            Label {
                text: qsTr("Batch:")
                font.pixelSize: Theme.small
                color: Theme.muted
            }
            // Narrow: the labels take two lines (BigButton), not elided.
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                BigButton {
                    Layout.fillWidth: true
                    objectName: "batchOff"
                    text: qsTr("Off")
                    highlighted: BoxDesk.batch === ""
                    onClicked: BoxDesk.batch = ""
                }
                BigButton {
                    Layout.fillWidth: true
                    objectName: "batchCheckin"
                    text: qsTr("Return many")
                    highlighted: BoxDesk.batch === "checkin"
                    onClicked: BoxDesk.batch = "checkin"
                }
                BigButton {
                    Layout.fillWidth: true
                    objectName: "batchMove"
                    text: qsTr("Move many")
                    highlighted: BoxDesk.batch === "move"
                    onClicked: BoxDesk.batch = "move"
                }
            }

            // One area for the actions or what an action waits for. Its children only change visibility here, not
            // inside the ColumnLayout (Qt 6.4 layouts mis-place a child that turns visible).
            Item {
                Layout.fillWidth: true
                Layout.preferredHeight: actionButtons.visible ? actionButtons.height
                    : checkoutPanel.visible ? checkoutPanel.height
                    : checkinPanel.visible ? checkinPanel.height
                    : movePanel.visible ? movePanel.height : 0

            // Actions that apply to this box
            Flow {
                id: actionButtons
                width: parent.width
                spacing: Theme.gap
                visible: BoxDesk.hasBox && BoxDesk.batch === "" && BoxDesk.mode === ""
                BigButton {
                    objectName: "checkOutButton"
                    visible: screen.state_ === "in_place"
                    text: qsTr("Check out")
                    highlighted: true
                    onClicked: BoxDesk.startCheckOut()
                }
                BigButton {
                    objectName: "checkInButton"
                    visible: screen.state_ === "on_loan" || (screen.box.itemsOnLoan !== undefined && screen.box.itemsOnLoan > 0)
                    text: qsTr("Check in")
                    highlighted: true
                    onClicked: BoxDesk.startCheckIn()
                }
                BigButton {
                    objectName: "moveButton"
                    visible: screen.state_ === "in_place" || screen.state_ === "missing"
                    text: qsTr("Move")
                    onClicked: BoxDesk.startMove()
                }
                BigButton {
                    objectName: "printButton"
                    text: qsTr("Print label")
                    onClicked: BoxDesk.printLabel()
                }
            }

            // Check out: waiting for the borrower's card, or pick an approved request
            Column {
                id: checkoutPanel
                width: parent.width
                visible: BoxDesk.mode === "checkout"
                spacing: Theme.gap / 2
                Label {
                    text: qsTr("Scan the borrower's card")
                    font.pixelSize: Theme.title
                    font.bold: true
                    color: Theme.accent
                }
                Label {
                    visible: BoxDesk.requests.length > 0
                    text: qsTr("Or lend it for an approved request:")
                    font.pixelSize: Theme.body
                    color: Theme.muted
                }
                Column {
                    id: requestList
                    width: parent ? parent.width : 0
                    spacing: Theme.gap / 2
                    Repeater {
                    model: BoxDesk.requests
                    delegate: BigButton {
                        required property var modelData
                        objectName: "requestButton" + modelData.requestId
                        width: parent ? parent.width : 0
                        text: "#" + modelData.requestId + "  " + modelData.requesterName + " · "
                              + Language.pick(modelData.modeZh, modelData.modeEn) + " · " + modelData.purpose
                        onClicked: BoxDesk.checkOutForRequest(modelData.requestId)
                    }
                    }
                }
                BigButton {
                    text: qsTr("Cancel")
                    onClicked: BoxDesk.cancelMode()
                }
            }

            // Check in: condition
            Column {
                id: checkinPanel
                width: parent.width
                visible: BoxDesk.mode === "checkin"
                spacing: Theme.gap / 2
                Label {
                    text: qsTr("Condition on return")
                    font.pixelSize: Theme.title
                    font.bold: true
                    color: Theme.accent
                }
                Flow {
                    width: parent ? parent.width : 0
                    spacing: Theme.gap
                    BigButton { objectName: "conditionOk"; text: qsTr("OK"); tone: "ok"; onClicked: BoxDesk.checkIn("ok") }
                    BigButton { objectName: "conditionDamaged"; text: qsTr("Damaged"); tone: "warn"; onClicked: BoxDesk.checkIn("damaged") }
                    BigButton { objectName: "conditionIncomplete"; text: qsTr("Incomplete"); tone: "warn"; onClicked: BoxDesk.checkIn("incomplete") }
                    BigButton { objectName: "conditionLost"; text: qsTr("Lost"); tone: "error"; onClicked: BoxDesk.checkIn("lost") }
                    BigButton { text: qsTr("Cancel"); onClicked: BoxDesk.cancelMode() }
                }
            }

            // Move: waiting for the shelf
            Row {
                id: movePanel
                width: parent.width
                visible: BoxDesk.mode === "move"
                spacing: Theme.gap
                Label {
                    text: qsTr("Scan the target shelf")
                    font.pixelSize: Theme.title
                    font.bold: true
                    color: Theme.accent
                }
                BigButton {
                    text: qsTr("Cancel")
                    onClicked: BoxDesk.cancelMode()
                }
            }
            }

        // What happened in this session, newest first (clipped: in portrait with the condition buttons shown it can
        // be left only a few pixels high, and its lines must not spill over the buttons)
            Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.line
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.gap
                // What the print queue waits for (printer offline, out of labels …); no height when all is well.
                Label {
                    objectName: "printStatus"
                    Layout.fillWidth: true
                    Layout.preferredHeight: text === "" ? 0 : implicitHeight
                    // Nothing waits: with the simulated printer, where the labels go.
                    text: BoxDesk.printer.statusZh !== "" ? Language.pick(BoxDesk.printer.statusZh, BoxDesk.printer.statusEn)
                        : Language.pick(BoxDesk.printer.noticeZh, BoxDesk.printer.noticeEn)
                    font.pixelSize: BoxDesk.printer.statusZh !== "" ? Theme.body : Theme.small
                    font.bold: BoxDesk.printer.statusZh !== ""
                    color: BoxDesk.printer.statusZh !== "" ? Theme.warn : Theme.muted
                    wrapMode: Text.WordWrap
                }
                Label {
                    text: qsTr("This session")
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.muted
                }
                ListView {
                    objectName: "activityList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: BoxDesk.activity
                    spacing: 4
                    delegate: Rectangle {
                        id: entry
                        required property string code
                        required property string kind
                        required property string textZh
                        required property string textEn
                        required property string time
                        width: ListView.view.width
                        height: row.implicitHeight + 8
                        radius: 4
                        color: entry.kind === "ok" ? Theme.okSoft : Theme.warnSoft
                        RowLayout {
                            id: row
                            anchors.fill: parent
                            anchors.margins: 4
                            Label { text: entry.time; font.pixelSize: Theme.small; color: Theme.muted }
                            Label { text: entry.code; font.pixelSize: Theme.small; font.bold: true; color: Theme.ink }
                            Label {
                                Layout.fillWidth: true
                                text: Language.pick(entry.textZh, entry.textEn)
                                font.pixelSize: Theme.small
                                color: Theme.ink
                                wrapMode: Text.Wrap
                            }
                        }
                    }
                }
            }
        }
        }
    }
}
