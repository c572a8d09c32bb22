import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Title, who is logged in, simulated-devices notice, language switch and clock.
ToolBar {
    id: bar

    property string now: ""

    function deviceNames(devices: list<string>, english: bool): string {
        let names = [];
        for (let i = 0; i < devices.length; ++i) {
            if (devices[i] === "scanner") names.push(qsTr("scanner"));
            else if (devices[i] === "sensor") names.push(qsTr("climate sensors"));
            else names.push(devices[i]);
        }
        return names.join(english ? ", " : "、");
    }

    implicitHeight: Theme.touch + Theme.gap
    background: Rectangle { color: Theme.accent }

    Timer {
        interval: 1000
        running: true
        repeat: true
        triggeredOnStart: true
        onTriggered: bar.now = Qt.formatDateTime(new Date(), "yyyy-MM-dd  HH:mm")
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.gap
        anchors.rightMargin: Theme.gap
        spacing: Theme.gap

        Label {
            text: qsTr("Archive-room kiosk")
            color: Theme.accentInk
            font.pixelSize: Theme.title
            font.bold: true
        }
        Label {
            objectName: "simulatedNotice"
            // The file printer (PrintController) when labels are saved as files instead of printed.
            readonly property bool printerSimulated: BoxDesk && BoxDesk.printer ? BoxDesk.printer.simulated : false
            visible: App.simulated || printerSimulated
            // Exactly what is simulated, e.g. "模拟设备：扫码枪、温湿度传感器"; hidden when nothing is.
            text: qsTr("Simulated devices") + (Language.english ? ": " : "：") + bar.deviceNames(App.simulatedDevices, Language.english)
                  + (!printerSimulated ? "" : (App.simulated ? (Language.english ? ", " : "、") : "")
                                              + Language.pick(BoxDesk.printer.badgeZh, BoxDesk.printer.badgeEn))
            color: Theme.ink
            font.pixelSize: Theme.small
            padding: Theme.gap / 2
            elide: Text.ElideRight  // a narrow screen with a long list: the clock and buttons stay visible
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            background: Rectangle { color: Theme.warnSoft; radius: Theme.radius }
        }
        Item { Layout.fillWidth: true }
        Label {
            visible: Session.stage === "active"
            text: Session.name
            color: Theme.accentInk
            font.pixelSize: Theme.body
            font.bold: true
            elide: Text.ElideRight
            Layout.maximumWidth: bar.width / 4
        }
        BigButton {
            objectName: "logoutButton"
            visible: Session.stage === "active"
            text: qsTr("Log out")
            onClicked: Session.logout()
        }
        BigButton {
            objectName: "languageButton"
            text: Language.english ? "中文" : "English"
            onClicked: Language.toggle()
        }
        Label {
            text: bar.now
            color: Theme.accentInk
            font.pixelSize: Theme.body
        }
    }
}
