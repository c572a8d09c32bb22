import QtQuick
import QtQuick.Layouts
import Kiosk

// Administration: a list of sections on the left (portrait: on top), the chosen one beside (below) it. Leaving
// kiosk mode is under "System" (only here, only for an administrator).
Item {
    id: screen

    property string page: "rooms"
    readonly property bool wide: width > height

    Component.onCompleted: { Admin.refresh(); Admin.loadPrinters(); Admin.loadScannerSettings() }

    // Landscape: the sections one under another on the left. Portrait: three to a row above the chosen one.
    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        columns: screen.wide ? 2 : 1
        columnSpacing: Theme.gap
        rowSpacing: Theme.gap

        Flow {
            id: sections
            readonly property real cell: screen.wide ? width : (width - spacing * 2) / 3
            objectName: "adminSections"
            Layout.preferredWidth: screen.wide ? Math.max(Theme.touch * 3, screen.width * 0.2) : -1
            Layout.maximumWidth: screen.wide ? Math.max(Theme.touch * 3, screen.width * 0.2) : screen.width
            Layout.fillWidth: !screen.wide
            Layout.fillHeight: screen.wide
            Layout.alignment: Qt.AlignTop
            spacing: screen.wide ? Theme.gap / 3 : Theme.gap / 2
            BigButton {
                objectName: "adminPage_rooms"
                width: sections.cell
                text: qsTr("Rooms & shelves")
                highlighted: screen.page === "rooms"
                onClicked: screen.page = "rooms"
            }
            BigButton {
                objectName: "adminPage_devices"
                width: sections.cell
                text: qsTr("Sensors & printers")
                highlighted: screen.page === "devices"
                onClicked: screen.page = "devices"
            }
            BigButton {
                objectName: "adminPage_rules"
                width: sections.cell
                text: qsTr("Loan rules & climate")
                highlighted: screen.page === "rules"
                onClicked: screen.page = "rules"
            }
            BigButton {
                objectName: "adminPage_people"
                width: sections.cell
                text: qsTr("People & departments")
                highlighted: screen.page === "people"
                onClicked: screen.page = "people"
            }
            BigButton {
                objectName: "adminPage_system"
                width: sections.cell
                text: qsTr("Scanner & system")
                highlighted: screen.page === "system"
                onClicked: screen.page = "system"
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap / 2
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: screen.page === "devices" ? 1 : screen.page === "rules" ? 2 : screen.page === "people" ? 3
                            : screen.page === "system" ? 4 : 0
                AdminRoomsPanel { objectName: "adminRooms" }
                AdminDevicesPanel { objectName: "adminDevices" }
                AdminRulesPanel { objectName: "adminRules" }
                AdminPeoplePanel { objectName: "adminPeople" }
                AdminSystemPanel { objectName: "adminSystem" }
            }
            ManagerMessage {
                objectName: "adminMessage"
                Layout.fillWidth: true
                zh: Admin.messageZh
                en: Admin.messageEn
                ok: Admin.messageOk
            }
        }
    }
}
