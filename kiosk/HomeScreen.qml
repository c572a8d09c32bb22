import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Idle screen: what to do (scan a box or your card), one climate tile per room, and a field to type a code
// when a label cannot be scanned.
Item {
    id: home

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap * 2
        spacing: Theme.gap * 2

        Item { Layout.fillHeight: true; Layout.preferredHeight: 1 }
        Label {
            objectName: "homePrompt"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Scan a box or your card")
            font.pixelSize: Theme.huge
            font.bold: true
            color: Theme.ink
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            text: qsTr("Hold the barcode under the scanner. Staff: scan your card, then enter your PIN.")
            font.pixelSize: Theme.body
            color: Theme.muted
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.gap
            TextField {
                id: manualCode
                objectName: "manualCode"
                Layout.preferredWidth: Theme.touch * 6  // the English placeholder fits at 1024×600
                Layout.preferredHeight: Theme.touch
                font.pixelSize: Theme.body
                placeholderText: qsTr("Or type the code on the label")
                inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                onAccepted: home.submitManual()
            }
            BigButton {
                text: qsTr("OK")
                enabled: manualCode.text.length > 0
                onClicked: home.submitManual()
            }
        }
        Item { Layout.fillHeight: true; Layout.preferredHeight: 1 }
        Label {
            text: qsTr("Storage rooms")
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.muted
            visible: tiles.count > 0
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.gap
            Repeater {
                id: tiles
                model: Climate.rooms
                delegate: ClimateTile {
                    required roomName
                    required temperature
                    required humidity
                    required level
                    required alertCount
                    required silent
                }
            }
        }
    }

    function submitManual() {
        if (manualCode.text.length === 0)
            return
        Scanner.submitText(manualCode.text)
        manualCode.text = ""
    }
}
