import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// After login: one tab per section the person's roles allow.
Item {
    id: workspace

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        TabBar {
            id: tabs
            Layout.fillWidth: true
            visible: Session.sections.length > 1
            currentIndex: Session.sectionIndex
            Repeater {
                model: Session.sections
                delegate: TabButton {
                    required property string modelData
                    objectName: "tab_" + modelData
                    text: Theme.sectionName(modelData, Language.code)
                    font.pixelSize: Theme.body
                    font.bold: Session.section === modelData
                    height: Theme.touch
                    onClicked: Session.section = modelData
                }
            }
        }
        Loader {
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: Session.section === "staff" ? staff : Session.section === "borrower" ? borrower
                           : Session.section === "approver" ? approver : Session.section === "manager" ? manager
                           : Session.section === "admin" ? admin : null
        }
    }
    Component { id: staff; StaffScreen {} }
    Component { id: borrower; BorrowerScreen {} }
    Component { id: approver; ApproverScreen {} }
    Component { id: manager; ManagerScreen {} }
    Component { id: admin; AdminScreen {} }
}
