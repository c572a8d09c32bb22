import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Admin › sensors (bind each to a room) and printers (CUPS queues and their state) with the label stocks.
Item {
    id: panel

    RowLayout {
        anchors.fill: parent
        spacing: Theme.gap

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            Label { text: qsTr("Sensors"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            ListView {
                objectName: "adminSensorList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: Theme.gap / 3
                model: Admin.sensors
                delegate: Rectangle {
                    id: sensor
                    required property string sensorKey
                    required property string name
                    required property string kind
                    required property string roomCode
                    required property string lastSeen
                    readonly property var codes: Admin.roomCodes
                    width: ListView.view.width
                    height: sensorCol.implicitHeight + Theme.gap
                    color: Theme.surface
                    border.color: sensor.roomCode === "" ? Theme.warn : Theme.line
                    border.width: 2
                    radius: Theme.radius / 2
                    ColumnLayout {
                        id: sensorCol
                        anchors.fill: parent
                        anchors.margins: Theme.gap / 2
                        Label {
                            Layout.fillWidth: true
                            text: sensor.sensorKey + (sensor.name && sensor.name !== sensor.sensorKey ? " · " + sensor.name : "")
                                  + " · " + (sensor.lastSeen === "" ? qsTr("never seen") : qsTr("last reading %1").arg(sensor.lastSeen))
                            font.pixelSize: Theme.small
                            color: Theme.ink
                            elide: Text.ElideRight
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            ComboBox {
                                id: roomBox
                                Layout.fillWidth: true
                                Layout.preferredHeight: Theme.touch
                                font.pixelSize: Theme.body
                                model: Admin.roomCodes
                                currentIndex: Math.max(0, sensor.codes.indexOf(sensor.roomCode))
                            }
                            BigButton {
                                objectName: "bind_" + sensor.sensorKey
                                text: sensor.roomCode === "" ? qsTr("Bind") : qsTr("Rebind")
                                enabled: roomBox.currentText !== sensor.roomCode
                                onClicked: Admin.bindSensor(sensor.sensorKey, roomBox.currentText)
                            }
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: Admin.sensors.count === 0
                    text: qsTr("No sensors yet. Plug one in; it appears here after its first reading.")
                    width: parent.width
                    wrapMode: Text.WordWrap
                    horizontalAlignment: Text.AlignHCenter
                    font.pixelSize: Theme.body
                    color: Theme.muted
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            spacing: Theme.gap / 2
            RowLayout {
                Layout.fillWidth: true
                Label { Layout.fillWidth: true; text: qsTr("Printers"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
                BigButton { objectName: "reloadPrinters"; text: qsTr("Refresh"); onClicked: Admin.loadPrinters() }
            }
            Label {
                Layout.fillWidth: true
                visible: text !== ""
                text: Language.pick(Admin.printerNoteZh, Admin.printerNoteEn)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.small
                color: Theme.warn
            }
            ListView {
                objectName: "adminPrinterList"
                Layout.fillWidth: true
                Layout.preferredHeight: panel.height * 0.35
                clip: true
                model: Admin.printers
                delegate: StatsTableRow {
                    required property string name
                    required property string condition
                    required property string conditionZh
                    required property string conditionEn
                    required property bool isDefault
                    required property string makeModel
                    width: ListView.view.width
                    firstShare: 0.6
                    cells: [(isDefault ? "★ " : "") + name + (makeModel ? " · " + makeModel : ""), Language.pick(conditionZh, conditionEn)]
                    alert: condition !== "ready" && condition !== "busy"
                }
            }
            Label { text: qsTr("Label stocks"); font.pixelSize: Theme.title; font.bold: true; color: Theme.ink }
            ListView {
                objectName: "adminStockList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: Admin.stocks
                delegate: StatsTableRow {
                    required property string name
                    required property string titleZh
                    required property string titleEn
                    required property string size
                    width: ListView.view.width
                    firstShare: 0.55
                    cells: [Language.pick(titleZh, titleEn) + " (" + name + ")", size]
                }
            }
        }
    }
}
