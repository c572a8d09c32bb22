import QtQuick
import QtQuick.Controls
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

        ListView {
            objectName: "adminSections"
            Layout.preferredWidth: Math.max(Theme.touch * 3, screen.width * 0.2)
            Layout.fillHeight: true
            clip: true
            spacing: Theme.gap / 3
            model: [{ value: "rooms", text: qsTr("Rooms & shelves") }, { value: "devices", text: qsTr("Sensors & printers") },
                    { value: "rules", text: qsTr("Loan rules & climate") }, { value: "people", text: qsTr("People & departments") },
                    { value: "system", text: qsTr("Scanner & system") }]
            delegate: BigButton {
                required property var modelData
                objectName: "adminPage_" + modelData.value
                width: ListView.view.width
                text: modelData.text
                highlighted: screen.page === modelData.value
                onClicked: screen.page = modelData.value
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap / 2
            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: ["rooms", "devices", "rules", "people", "system"].indexOf(screen.page)
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
