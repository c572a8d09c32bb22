import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Manager › alerts of the selected room (or all rooms): pick one, choose or type the action taken, confirm
// (the acknowledgement goes to the ledger).
Item {
    id: panel

    Connections {
        target: Env
        function onAcknowledged() { actionField.text = "" }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.gap / 2

        // The rooms (on more rows when they do not fit), then "open only".
        Flow {
            Layout.fillWidth: true
            spacing: Theme.gap
            ManagerChoice {
                width: Math.min(parent.width, implicitWidth)
                namePrefix: "alertRoom"
                current: Env.roomCode
                options: {
                    const list = []
                    for (let i = 0; i < Env.rooms.count; ++i) {
                        const r = Env.rooms.get(i)
                        list.push({ value: r.roomCode, text: r.roomName })
                    }
                    return list
                }
                onPicked: value => Env.roomCode = value
            }
            Switch {
                objectName: "alertsOpenOnly"
                text: qsTr("Open only")
                font.pixelSize: Theme.body
                checked: Env.openOnly
                onToggled: Env.openOnly = checked
                height: Theme.touch
            }
        }

        ListView {
            objectName: "alertsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.gap / 2
            model: Env.alerts
            delegate: ItemDelegate {
                id: alertRow
                required property int alertId
                required property string roomName
                required property string kind
                required property string kindZh
                required property string kindEn
                required property string value
                required property string limit
                required property string start
                required property string end
                required property bool open
                required property bool acknowledged
                required property string ackBy
                required property string ackAction
                objectName: "alert_" + alertId
                width: ListView.view.width
                height: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                onClicked: Env.selectedAlert = alertRow.acknowledged ? 0 : alertRow.alertId
                background: Rectangle {
                    radius: Theme.radius
                    color: Env.selectedAlert === alertRow.alertId ? Theme.warnSoft : Theme.surface
                    border.color: alertRow.acknowledged ? Theme.line : alertRow.open ? Theme.error : Theme.warn
                    border.width: 2
                }
                contentItem: Column {
                    spacing: 2
                    Label {
                        width: parent.width
                        text: alertRow.roomName + " · " + Language.pick(alertRow.kindZh, alertRow.kindEn) + "  " + alertRow.value
                              + (alertRow.limit === "" ? "" : qsTr(" (limit %1)").arg(alertRow.limit))
                        font.pixelSize: Theme.body
                        font.bold: true
                        color: alertRow.open ? Theme.error : Theme.ink
                        wrapMode: Text.Wrap
                    }
                    Label {
                        width: parent.width
                        text: alertRow.start + " – " + (alertRow.open ? qsTr("still open") : alertRow.end) + "  ·  "
                              + (alertRow.acknowledged ? qsTr("acknowledged by %1: %2").arg(alertRow.ackBy).arg(alertRow.ackAction)
                                                       : qsTr("not acknowledged — tap to acknowledge"))
                        font.pixelSize: Theme.small
                        color: alertRow.acknowledged ? Theme.muted : Theme.warn
                        wrapMode: Text.Wrap
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                visible: Env.alerts.count === 0
                text: qsTr("No alerts.")
                font.pixelSize: Theme.body
                color: Theme.muted
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: ackColumn.implicitHeight + Theme.gap * 2
            visible: Env.selectedAlert > 0
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.warn
            border.width: 2
            ColumnLayout {
                id: ackColumn
                anchors.fill: parent
                anchors.margins: Theme.gap
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.gap / 2
                    BigButton {
                        objectName: "ackPreset0"
                        text: qsTr("Dehumidifier switched on")
                        font.pixelSize: Theme.small
                        onClicked: actionField.text = text
                    }
                    BigButton {
                        objectName: "ackPreset1"
                        text: qsTr("Air conditioning adjusted")
                        font.pixelSize: Theme.small
                        onClicked: actionField.text = text
                    }
                    BigButton {
                        objectName: "ackPreset2"
                        text: qsTr("Room ventilated")
                        font.pixelSize: Theme.small
                        onClicked: actionField.text = text
                    }
                    BigButton {
                        objectName: "ackPreset3"
                        text: qsTr("Sensor checked and replaced")
                        font.pixelSize: Theme.small
                        onClicked: actionField.text = text
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: actionField
                        objectName: "ackAction"
                        Layout.fillWidth: true
                        Layout.preferredHeight: Theme.touch
                        font.pixelSize: Theme.body
                        placeholderText: qsTr("Action taken (required)")
                    }
                    BigButton {
                        objectName: "ackConfirm"
                        text: qsTr("Acknowledge")
                        tone: "ok"
                        enabled: actionField.text.trim() !== ""
                        onClicked: Env.acknowledge(Env.selectedAlert, actionField.text)
                    }
                    BigButton {
                        text: qsTr("Cancel")
                        onClicked: Env.selectedAlert = 0
                    }
                }
            }
        }
        ManagerMessage {
            Layout.fillWidth: true
            zh: Env.messageZh
            en: Env.messageEn
            ok: Env.messageOk
        }
    }
}
