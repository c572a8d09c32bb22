import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Manager: the rooms' climate at a glance. (Charts, alerts, statistics and exports are not built yet.)
Item {
    id: screen

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: Theme.gap
        Label {
            text: qsTr("Storage rooms")
            font.pixelSize: Theme.title
            font.bold: true
            color: Theme.ink
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.gap
            Repeater {
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
        Item { Layout.fillHeight: true }
    }
}
