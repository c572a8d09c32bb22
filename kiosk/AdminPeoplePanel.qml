import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Admin › people import (a CSV file, e.g. on a USB stick; every problem listed with its line) and department
// permissions (R7: the categories each department may borrow).
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
            Label { text: qsTr("Import people"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            Label {
                Layout.fillWidth: true
                text: qsTr("CSV with the columns 卡号/card, 姓名/name, 部门/department, 角色/roles, 电话/phone. Nothing is imported while any line has a problem.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.small
                color: Theme.muted
            }
            // The field takes the whole width (its placeholder shows a whole path), the button goes under it.
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.gap / 2
                TextField {
                    id: csvPath
                    objectName: "importPath"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touch
                    font.pixelSize: Theme.body
                    placeholderText: qsTr("File, e.g. /media/usb/人员.csv")
                }
                BigButton {
                    objectName: "importRun"
                    Layout.alignment: Qt.AlignRight
                    text: Admin.importing ? qsTr("Importing…") : qsTr("Import")
                    highlighted: true
                    enabled: !Admin.importing
                    onClicked: Admin.importPeople(csvPath.text)
                }
            }
            Label {
                visible: Admin.importProblems.length > 0
                text: qsTr("Problems (%1):").arg(Admin.importProblems.length)
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.error
            }
            ListView {
                objectName: "importProblems"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: Admin.importProblems
                delegate: Label {
                    required property string modelData
                    width: ListView.view.width
                    text: modelData
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.small
                    color: Theme.error
                    bottomPadding: Theme.gap / 3
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            Label { text: qsTr("Department permissions"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            ListView {
                objectName: "adminDepartmentList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.gap / 3
                model: Admin.departments
                delegate: Rectangle {
                    id: dept
                    required property string code
                    required property string name
                    required property var allowed
                    readonly property var buttons: {
                        const list = []
                        for (let i = 0; i < Admin.categories.count; ++i) {
                            const c = Admin.categories.get(i)
                            list.push({ dept: dept.code, code: c.code, name: c.name, on: dept.allowed.indexOf(c.code) >= 0 })
                        }
                        return list
                    }
                    width: ListView.view.width
                    height: deptCol.implicitHeight + Theme.gap
                    color: Theme.surface
                    border.color: Theme.line
                    radius: Theme.radius / 2
                    Column {
                        id: deptCol
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 2
                        spacing: Theme.gap / 3
                        Label {
                            text: dept.name + " (" + dept.code + ")"
                            font.pixelSize: Theme.body
                            font.bold: true
                            color: Theme.ink
                        }
                        Flow {
                            width: parent.width
                            spacing: Theme.gap / 3
                            Repeater {
                                model: dept.buttons
                                delegate: BigButton {
                                    required property var modelData
                                    objectName: "perm_" + modelData.dept + "_" + modelData.code
                                    text: (modelData.on ? "✓ " : "") + modelData.name
                                    highlighted: modelData.on
                                    font.pixelSize: Theme.small
                                    implicitWidth: Math.max(Theme.touch * 1.2, contentItem.implicitWidth + Theme.gap * 2)
                                    onClicked: Admin.setDepartmentCategory(modelData.dept, modelData.code, !modelData.on)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
