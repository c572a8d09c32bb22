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
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "✓"]
                    delegate: BigButton {
                        required property string modelData
                        objectName: "pinKey" + modelData
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.minimumHeight: Theme.touch * 0.85
                        text: modelData
                        tone: modelData === "✓" ? "ok" : ""
                        enabled: !Session.busy
                        onClicked: {
                            if (modelData === "⌫")
                                pinField.text = pinField.text.slice(0, -1)
                            else if (modelData === "✓")
                                pad.submit()
                            else
                                pinField.text += modelData
                        }
                    }
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
