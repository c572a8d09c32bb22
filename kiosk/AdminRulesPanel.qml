import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Admin › loan rules per category (loan days, renewals, in-room only, review) and the climate profiles' ranges.
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
            Layout.preferredWidth: 3
            spacing: Theme.gap / 2
            Label { text: qsTr("Loan rules per category"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            ListView {
                objectName: "adminCategoryList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.gap / 3
                model: Admin.categories
                delegate: Rectangle {
                    id: cat
                    required property string code
                    required property string name
                    required property int loanDays
                    required property int maxRenewals
                    required property bool inRoomOnly
                    required property bool needsReview
                    required property bool needsHead
                    width: ListView.view.width
                    height: catCol.implicitHeight + Theme.gap
                    color: Theme.surface
                    border.color: Theme.line
                    radius: Theme.radius / 2
                    ColumnLayout {
                        id: catCol
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 2
                        Label {
                            text: cat.code + " " + cat.name + (cat.needsHead ? qsTr(" · head approval") : "")
                            font.pixelSize: Theme.body
                            font.bold: true
                            color: Theme.ink
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: Theme.gap / 2
                            Label { text: qsTr("Loan days"); font.pixelSize: Theme.small; color: Theme.muted; height: Theme.touch; verticalAlignment: Text.AlignVCenter }
                            SpinBox {
                                id: days
                                objectName: "loanDays_" + cat.code
                                height: Theme.touch
                                font.pixelSize: Theme.body
                                from: 1
                                to: 365
                                value: cat.loanDays
                                editable: true
                            }
                            Label { text: qsTr("Renewals"); font.pixelSize: Theme.small; color: Theme.muted; height: Theme.touch; verticalAlignment: Text.AlignVCenter }
                            SpinBox {
                                id: renewals
                                height: Theme.touch
                                font.pixelSize: Theme.body
                                from: 0
                                to: 20
                                value: cat.maxRenewals
                            }
                            CheckBox {
                                id: inRoom
                                height: Theme.touch
                                font.pixelSize: Theme.small
                                text: qsTr("In-room only")
                                checked: cat.inRoomOnly
                            }
                            CheckBox {
                                id: review
                                height: Theme.touch
                                font.pixelSize: Theme.small
                                text: qsTr("Needs review")
                                checked: cat.needsReview
                            }
                            BigButton {
                                objectName: "saveCategory_" + cat.code
                                text: qsTr("Save")
                                highlighted: true
                                enabled: days.value !== cat.loanDays || renewals.value !== cat.maxRenewals
                                         || inRoom.checked !== cat.inRoomOnly || review.checked !== cat.needsReview
                                onClicked: Admin.saveCategory(cat.code, days.value, renewals.value, inRoom.checked, review.checked)
                            }
                        }
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 2
            spacing: Theme.gap / 2
            Label { text: qsTr("Climate profiles"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            ListView {
                objectName: "adminProfileList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.gap / 3
                model: Admin.profiles
                delegate: Rectangle {
                    id: prof
                    required property string code
                    required property string nameZh
                    required property string nameEn
                    required property double tMin
                    required property double tMax
                    required property double rhMin
                    required property double rhMax
                    required property double tSwing
                    required property double rhSwing
                    width: ListView.view.width
                    height: profCol.implicitHeight + Theme.gap
                    color: Theme.surface
                    border.color: Theme.line
                    radius: Theme.radius / 2
                    GridLayout {
                        id: profCol
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 2
                        columns: 4
                        Label {
                            Layout.columnSpan: 4
                            text: Language.pick(prof.nameZh, prof.nameEn) + " (" + prof.code + ")"
                            font.pixelSize: Theme.body
                            font.bold: true
                            color: Theme.ink
                        }
                        Item { Layout.preferredWidth: 1 }
                        Label { text: qsTr("min"); font.pixelSize: Theme.small; color: Theme.muted }
                        Label { text: qsTr("max"); font.pixelSize: Theme.small; color: Theme.muted }
                        Label { text: qsTr("daily swing"); font.pixelSize: Theme.small; color: Theme.muted }
                        Label { text: "°C"; font.pixelSize: Theme.small; color: Theme.muted }
                        TextField { id: tMinField; Layout.fillWidth: true; Layout.preferredHeight: Theme.touch; font.pixelSize: Theme.body; text: prof.tMin; inputMethodHints: Qt.ImhFormattedNumbersOnly }
                        TextField { id: tMaxField; Layout.fillWidth: true; Layout.preferredHeight: Theme.touch; font.pixelSize: Theme.body; text: prof.tMax; inputMethodHints: Qt.ImhFormattedNumbersOnly }
                        TextField { id: tSwingField; Layout.fillWidth: true; Layout.preferredHeight: Theme.touch; font.pixelSize: Theme.body; text: "±" + prof.tSwing; inputMethodHints: Qt.ImhFormattedNumbersOnly }
                        Label { text: "%RH"; font.pixelSize: Theme.small; color: Theme.muted }
                        TextField { id: rhMinField; Layout.fillWidth: true; Layout.preferredHeight: Theme.touch; font.pixelSize: Theme.body; text: prof.rhMin; inputMethodHints: Qt.ImhFormattedNumbersOnly }
                        TextField { id: rhMaxField; Layout.fillWidth: true; Layout.preferredHeight: Theme.touch; font.pixelSize: Theme.body; text: prof.rhMax; inputMethodHints: Qt.ImhFormattedNumbersOnly }
                        TextField { id: rhSwingField; Layout.fillWidth: true; Layout.preferredHeight: Theme.touch; font.pixelSize: Theme.body; text: "±" + prof.rhSwing; inputMethodHints: Qt.ImhFormattedNumbersOnly }
                        BigButton {
                            objectName: "saveProfile_" + prof.code
                            Layout.columnSpan: 4
                            Layout.fillWidth: true
                            text: qsTr("Save %1").arg(prof.code)
                            onClicked: Admin.saveProfile(prof.code, Number(tMinField.text), Number(tMaxField.text), Number(rhMinField.text),
                                                         Number(rhMaxField.text), Number(tSwingField.text.replace("±", "")),
                                                         Number(rhSwingField.text.replace("±", "")))
                        }
                    }
                }
            }
        }
    }
}
