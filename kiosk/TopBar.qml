import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// Title, who is logged in, simulated-devices notice, language switch and clock; two rows on a narrow screen.
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

    // One row when everything fits; short of room the title goes first, then the notice takes two lines, then the
    // bar takes two rows (title and clock above, the rest below: portrait screens). Nothing is elided.
    readonly property real middleNeeds: (notice.visible ? notice.implicitWidth + Theme.gap : 0)
                                       + (person.visible ? person.implicitWidth + Theme.gap : 0)
                                       + (logout.visible ? logout.implicitWidth + Theme.gap : 0)
                                       + language.implicitWidth
    readonly property real room: width - Theme.gap * 3 - clock.implicitWidth
    readonly property bool twoRows: middleNeeds - (notice.visible ? notice.implicitWidth * 0.4 : 0) > room
    readonly property bool showTitle: twoRows || middleNeeds + Theme.gap + title.implicitWidth <= room
    readonly property real topRow: Math.max(title.implicitHeight, clock.implicitHeight) + Theme.gap / 2

    implicitHeight: twoRows ? topRow + Theme.touch + Theme.gap : Theme.touch + Theme.gap
    background: Rectangle { color: Theme.accent }

    Timer {
        interval: 1000
        running: true
        repeat: true
        triggeredOnStart: true
        onTriggered: bar.now = Qt.formatDateTime(new Date(), "yyyy-MM-dd  HH:mm")
    }

    Label {
        id: title
        objectName: "kioskTitle"
        x: Theme.gap
        y: bar.twoRows ? Theme.gap / 2 : (bar.height - height) / 2
        visible: bar.showTitle
        text: qsTr("Archive-room kiosk")
        color: Theme.accentInk
        font.pixelSize: Theme.title
        font.bold: true
    }
    Label {
        id: clock
        x: bar.width - width - Theme.gap
        y: bar.twoRows ? (bar.topRow - height) / 2 + Theme.gap / 4 : (bar.height - height) / 2
        text: bar.now
        color: Theme.accentInk
        font.pixelSize: Theme.body
    }
    RowLayout {
        x: bar.twoRows || !title.visible ? Theme.gap : title.x + title.width + Theme.gap
        y: bar.twoRows ? bar.topRow : 0
        width: (bar.twoRows ? bar.width : clock.x) - Theme.gap - x
        height: bar.height - y
        spacing: Theme.gap

        Label {
            id: notice
            objectName: "simulatedNotice"
            // The file printer (PrintController) when labels are saved as files instead of printed.
            readonly property bool printerSimulated: BoxDesk && BoxDesk.printer ? BoxDesk.printer.simulated : false
            visible: App.simulated || printerSimulated
            // Exactly what is simulated, e.g. "模拟设备：扫码枪、温湿度传感器"; hidden when nothing is. Wraps to a second
            // line on a narrow bar.
            text: qsTr("Simulated devices") + (Language.english ? ": " : "：") + bar.deviceNames(App.simulatedDevices, Language.english)
                  + (!printerSimulated ? "" : (App.simulated ? (Language.english ? ", " : "、") : "")
                                              + Language.pick(BoxDesk.printer.badgeZh, BoxDesk.printer.badgeEn))
            color: Theme.ink
            font.pixelSize: Theme.small
            padding: Theme.gap / 2
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            background: Rectangle { color: Theme.warnSoft; radius: Theme.radius }
        }
        Item { Layout.fillWidth: true }
        Label {
            id: person
            visible: Session.stage === "active"
            text: Session.name
            color: Theme.accentInk
            font.pixelSize: Theme.body
            font.bold: true
            elide: Text.ElideRight
            Layout.maximumWidth: bar.width / 4
        }
        BigButton {
            id: logout
            objectName: "logoutButton"
            visible: Session.stage === "active"
            text: qsTr("Log out")
            onClicked: Session.logout()
        }
        BigButton {
            id: language
            objectName: "languageButton"
            text: Language.english ? "中文" : "English"
            onClicked: Language.toggle()
        }
    }
}
