import QtQuick
import QtQuick.Layouts
import Kiosk

// Administration: a list of sections on the left, the chosen one on the right. Leaving kiosk mode is under
// "System" (only here, only for an administrator).
Item {
    id: screen

    property string page: "rooms"

    Component.onCompleted: { Admin.refresh(); Admin.loadPrinters(); Admin.loadScannerSettings() }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap

        ColumnLayout {
            objectName: "adminSections"
            Layout.preferredWidth: Math.max(Theme.touch * 3, screen.width * 0.2)
            Layout.maximumWidth: Math.max(Theme.touch * 3, screen.width * 0.2)
            Layout.fillHeight: true
            spacing: Theme.gap / 3
            BigButton {
                objectName: "adminPage_rooms"
                Layout.fillWidth: true
                text: qsTr("Rooms & shelves")
                highlighted: screen.page === "rooms"
                onClicked: screen.page = "rooms"
            }
            BigButton {
                objectName: "adminPage_devices"
                Layout.fillWidth: true
                text: qsTr("Sensors & printers")
                highlighted: screen.page === "devices"
                onClicked: screen.page = "devices"
            }
            BigButton {
                objectName: "adminPage_rules"
                Layout.fillWidth: true
                text: qsTr("Loan rules & climate")
                highlighted: screen.page === "rules"
                onClicked: screen.page = "rules"
            }
            BigButton {
                objectName: "adminPage_people"
                Layout.fillWidth: true
                text: qsTr("People & departments")
                highlighted: screen.page === "people"
                onClicked: screen.page = "people"
            }
            BigButton {
                objectName: "adminPage_system"
                Layout.fillWidth: true
                text: qsTr("Scanner & system")
                highlighted: screen.page === "system"
                onClicked: screen.page = "system"
            }
            Item { Layout.fillHeight: true }
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
