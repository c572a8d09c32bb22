import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// The archivist's desk: scan a box → its card and the actions that apply; batch return / batch move.
Item {
    id: screen

    readonly property bool wide: width > height
    readonly property var box: BoxDesk.box
    readonly property string state_: box.state === undefined ? "" : box.state

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        columns: screen.wide ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 3
            spacing: Theme.gap

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                Label {
                    text: qsTr("Batch:")
                    font.pixelSize: Theme.body
                    color: Theme.muted
                }
                BigButton {
                    objectName: "batchOff"
                    text: qsTr("Off")
                    highlighted: BoxDesk.batch === ""
                    onClicked: BoxDesk.batch = ""
                }
                BigButton {
                    objectName: "batchCheckin"
                    text: qsTr("Return many")
                    highlighted: BoxDesk.batch === "checkin"
                    onClicked: BoxDesk.batch = "checkin"
                }
                BigButton {
                    objectName: "batchMove"
                    text: qsTr("Move many")
                    highlighted: BoxDesk.batch === "move"
                    onClicked: BoxDesk.batch = "move"
                }
                Item { Layout.fillWidth: true }
            }

            Label {
                Layout.fillWidth: true
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
                Layout.fillWidth: true
                visible: BoxDesk.hasBox && BoxDesk.batch === ""
                box: screen.box
            }

            // Actions that apply to this box
            Flow {
                Layout.fillWidth: true
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
            ColumnLayout {
                Layout.fillWidth: true
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
                Repeater {
                    model: BoxDesk.requests
                    delegate: BigButton {
                        required property var modelData
                        objectName: "requestButton" + modelData.requestId
                        Layout.fillWidth: true
                        text: "#" + modelData.requestId + "  " + modelData.requesterName + " · "
                              + Language.pick(modelData.modeZh, modelData.modeEn) + " · " + modelData.purpose
                        onClicked: BoxDesk.checkOutForRequest(modelData.requestId)
                    }
                }
                BigButton {
                    text: qsTr("Cancel")
                    onClicked: BoxDesk.cancelMode()
                }
            }

            // Check in: condition
            ColumnLayout {
                Layout.fillWidth: true
                visible: BoxDesk.mode === "checkin"
                spacing: Theme.gap / 2
                Label {
                    text: qsTr("Condition on return")
                    font.pixelSize: Theme.title
                    font.bold: true
                    color: Theme.accent
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.gap
                    BigButton { objectName: "conditionOk"; text: qsTr("OK"); tone: "ok"; onClicked: BoxDesk.checkIn("ok") }
                    BigButton { objectName: "conditionDamaged"; text: qsTr("Damaged"); tone: "warn"; onClicked: BoxDesk.checkIn("damaged") }
                    BigButton { objectName: "conditionIncomplete"; text: qsTr("Incomplete"); tone: "warn"; onClicked: BoxDesk.checkIn("incomplete") }
                    BigButton { objectName: "conditionLost"; text: qsTr("Lost"); tone: "error"; onClicked: BoxDesk.checkIn("lost") }
                    BigButton { text: qsTr("Cancel"); onClicked: BoxDesk.cancelMode() }
                }
            }

            // Move: waiting for the shelf
            RowLayout {
                Layout.fillWidth: true
                visible: BoxDesk.mode === "move"
                Label {
                    Layout.fillWidth: true
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
            Item { Layout.fillHeight: true }
        }

        // What happened in this session, newest first
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.line
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.gap
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
                                elide: Text.ElideRight
                            }
                        }
                    }
                }
            }
        }
    }
}
