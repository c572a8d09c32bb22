import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// PIN entry after a staff card (or a borrower card with a PIN) was scanned. Digits come from the buttons or
// the keyboard; the books count wrong PINs and lock the card.
Rectangle {
    id: pad

    color: "#cc1d2327"

    MouseArea { anchors.fill: parent }  // modal: nothing behind it is touchable

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.gap * 2, Theme.touch * 7)
        height: Math.min(parent.height - Theme.gap * 2, column.implicitHeight + Theme.gap * 3)
        radius: Theme.radius
        color: Theme.surface

        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.gap * 1.5
            spacing: Theme.gap * 0.6

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: Language.pick(Session.pinMessageZh, Session.pinMessageEn)
                font.pixelSize: Theme.title
                font.bold: true
                color: Theme.ink
                wrapMode: Text.WordWrap
            }
            TextField {
                id: pinField
                objectName: "pinField"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                echoMode: TextInput.Password
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.title
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                maximumLength: 12
                focus: true
                onAccepted: pad.submit()
            }
            GridLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                columns: 3
                rowSpacing: Theme.gap / 2
                columnSpacing: Theme.gap / 2
                BigButton {
                    objectName: "pinKey1"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "1"
                    enabled: !Session.busy
                    onClicked: pinField.text += "1"
                }
                BigButton {
                    objectName: "pinKey2"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "2"
                    enabled: !Session.busy
                    onClicked: pinField.text += "2"
                }
                BigButton {
                    objectName: "pinKey3"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "3"
                    enabled: !Session.busy
                    onClicked: pinField.text += "3"
                }
                BigButton {
                    objectName: "pinKey4"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "4"
                    enabled: !Session.busy
                    onClicked: pinField.text += "4"
                }
                BigButton {
                    objectName: "pinKey5"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "5"
                    enabled: !Session.busy
                    onClicked: pinField.text += "5"
                }
                BigButton {
                    objectName: "pinKey6"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "6"
                    enabled: !Session.busy
                    onClicked: pinField.text += "6"
                }
                BigButton {
                    objectName: "pinKey7"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "7"
                    enabled: !Session.busy
                    onClicked: pinField.text += "7"
                }
                BigButton {
                    objectName: "pinKey8"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "8"
                    enabled: !Session.busy
                    onClicked: pinField.text += "8"
                }
                BigButton {
                    objectName: "pinKey9"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "9"
                    enabled: !Session.busy
                    onClicked: pinField.text += "9"
                }
                BigButton {
                    objectName: "pinKeyBack"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "⌫"
                    enabled: !Session.busy
                    onClicked: pinField.text = pinField.text.slice(0, -1)
                }
                BigButton {
                    objectName: "pinKey0"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "0"
                    enabled: !Session.busy
                    onClicked: pinField.text += "0"
                }
                BigButton {
                    objectName: "pinKeyOK"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: Theme.touch * 0.85
                    text: "✓"
                    tone: "ok"
                    enabled: !Session.busy
                    onClicked: pad.submit()
                }
            }
            BigButton {
                objectName: "pinCancel"
                Layout.fillWidth: true
                text: qsTr("Cancel")
                onClicked: {
                    pinField.text = ""
                    Session.cancelPin()
                }
            }
        }
    }

    onVisibleChanged: {
        pinField.text = ""
        if (visible)
            pinField.forceActiveFocus()
    }

    function submit() {
        Session.submitPin(pinField.text)
        pinField.text = ""
    }
}
