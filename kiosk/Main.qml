import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Kiosk

// The kiosk window: top bar, home (idle) or the workspace of the person logged in, the PIN pad, the scan
// feedback band and the idle countdown.
ApplicationWindow {
    id: window

    objectName: "kioskWindow"
    width: 1024
    height: 600
    visible: true
    title: qsTr("Archive-room kiosk")
    color: Theme.background
    font.pixelSize: Theme.body

    Binding {
        target: Theme
        property: "scale"
        value: Math.max(0.9, Math.min(Math.max(window.width, window.height) / 1024,
                                      Math.min(window.width, window.height) / 600))
    }

    // The top bar is anchored above the column, not the window's header: when it grew to two rows (portrait),
    // neither Qt 6.4's ApplicationWindow nor a ColumnLayout moved the content below it down (it covered the tabs).
    TopBar {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: implicitHeight
    }

    // The feedback band sits below the screen's content (never on top of a button), the overlays on top.
    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: topBar.bottom
        anchors.bottom: parent.bottom
        spacing: 0

        ServerBanner {
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            Layout.margins: Theme.gap / 2
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            HomeScreen {
                objectName: "homeScreen"
                anchors.fill: parent
                visible: Session.stage !== "active"
            }
            Workspace {
                objectName: "workspace"
                anchors.fill: parent
                visible: Session.stage === "active"
            }
            Label {
                anchors.centerIn: parent
                visible: !Db.ready && Db.errorZh !== ""
                width: parent.width * 0.8
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                text: Language.pick(Db.errorZh, Db.errorEn)
                font.pixelSize: Theme.title
                color: Theme.error
                padding: Theme.gap
                background: Rectangle { color: Theme.errorSoft; radius: Theme.radius }
            }
        }
        FeedbackBanner {
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            Layout.margins: Theme.gap / 2
        }
    }
    PinPad {
        objectName: "pinPad"
        anchors.fill: parent
        anchors.topMargin: topBar.height
        visible: Session.stage === "pin"
    }
    CountdownOverlay {
        anchors.fill: parent
        anchors.topMargin: topBar.height
    }
}
