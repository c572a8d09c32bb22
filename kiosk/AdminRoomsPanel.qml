import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Admin › rooms and shelves: the rooms (profile, shelves, boxes) and a new room; the shelves of the chosen
// room and a new shelf (scan or type its barcode).
Item {
    id: panel

    // Two columns side by side; one under the other on a portrait screen.
    GridLayout {
        anchors.fill: parent
        columns: panel.width > panel.height ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            Label { text: qsTr("Rooms"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            ListView {
                objectName: "adminRoomList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 2
                model: Admin.rooms
                delegate: ItemDelegate {
                    id: room
                    required property string code
                    required property string name
                    required property string profile
                    required property int shelves
                    required property int boxes
                    width: ListView.view.width
                    height: Theme.touch
                    highlighted: Admin.shelfRoom === code
                    onClicked: Admin.shelfRoom = code
                    background: Rectangle {
                        color: room.highlighted ? Theme.okSoft : Theme.surface
                        border.color: Theme.line
                        radius: Theme.radius / 2
                    }
                    contentItem: Label {
                        text: room.code + "  " + room.name + "  ·  " + room.profile + "  ·  "
                              + qsTr("%1 shelves, %2 boxes").arg(room.shelves).arg(room.boxes)
                        font.pixelSize: Theme.small
                        color: Theme.ink
                        verticalAlignment: Text.AlignVCenter
                        wrapMode: Text.Wrap
                    }
                }
            }
            // Code and name in a row of their own: each field is at least as wide as its placeholder (a whole
            // example), so neither is elided at 1024×600.
            FontMetrics {
                id: fieldFont
                font.pixelSize: Theme.body
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap / 2
                TextField {
                    id: roomCode
                    objectName: "newRoomCode"
                    Layout.fillWidth: true
                    readonly property real needed: Math.ceil(fieldFont.advanceWidth(placeholderText)) + leftPadding + rightPadding + 2
                    Layout.minimumWidth: needed
                    Layout.preferredWidth: needed
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    placeholderText: qsTr("Code, e.g. R4")
                }
                TextField {
                    id: roomName
                    objectName: "newRoomName"
                    Layout.fillWidth: true
                    readonly property real needed: Math.ceil(fieldFont.advanceWidth(placeholderText)) + leftPadding + rightPadding + 2
                    Layout.minimumWidth: needed
                    Layout.preferredWidth: needed
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    placeholderText: qsTr("Name, e.g. 四号库房")
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap / 2
                ComboBox {
                    id: roomProfile
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    model: ["paper", "special", "av", "film"]
                }
                BigButton {
                    objectName: "addRoom"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    text: qsTr("Add room")
                    highlighted: true
                    onClicked: Admin.addRoom(roomCode.text, roomName.text, roomProfile.currentText)
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            Label {
                text: qsTr("Shelves in %1").arg(Admin.shelfRoom)
                font.pixelSize: Theme.title
                font.bold: true
                color: Theme.ink
            }
            StatsTableHeader {
                Layout.fillWidth: true
                firstShare: 0.25  // the four short columns need the room for their headers (柜/架, Cabinet)
                columns: [qsTr("Barcode"), qsTr("Cabinet"), qsTr("Shelf"), qsTr("Pos."), qsTr("Boxes")]
            }
            ListView {
                objectName: "adminShelfList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: Admin.shelves
                delegate: StatsTableRow {
                    required property string barcode
                    required property string cabinet
                    required property string shelf
                    required property string position
                    required property int capacity
                    required property int boxes
                    width: ListView.view.width
                    firstShare: 0.25
                    cells: [barcode, cabinet, shelf, position, capacity > 0 ? boxes + "/" + capacity : boxes]
                    alert: capacity > 0 && boxes > capacity
                }
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 3
                columnSpacing: Theme.gap / 2
                rowSpacing: Theme.gap / 2
                TextField {
                    id: shelfBarcode
                    objectName: "newShelfBarcode"
                    Layout.columnSpan: 3
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    placeholderText: qsTr("Shelf barcode (scan or type)")
                }
                TextField {
                    id: cabinet
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    placeholderText: qsTr("Cabinet")
                }
                TextField {
                    id: shelf
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    placeholderText: qsTr("Shelf")
                }
                TextField {
                    id: position
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    placeholderText: qsTr("Position")
                }
                SpinBox {
                    id: capacity
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    from: 0
                    to: 500
                    value: 40
                }
                BigButton {
                    objectName: "addShelf"
                    Layout.fillWidth: true
                    text: qsTr("Add shelf")
                    highlighted: true
                    onClicked: Admin.addShelf(shelfBarcode.text, Admin.shelfRoom, cabinet.text, shelf.text, position.text, capacity.value)
                }
            }
        }
    }
}
