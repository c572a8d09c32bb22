import QtQuick
import QtQuick.Controls
import Kiosk

// A row of mutually exclusive touch buttons (e.g. 24 h / 7 d / 30 d / 1 year). `options` holds {value, text}.
Row {
    id: choice

    property var options: []
    property string current: ""
    property string namePrefix: "choice"

    signal picked(string value)

    spacing: Theme.gap / 2

    Repeater {
        model: choice.options
        delegate: BigButton {
            required property var modelData
            objectName: choice.namePrefix + "_" + modelData.value
            text: modelData.text
            highlighted: choice.current === modelData.value
            implicitWidth: Math.max(Theme.touch * 1.4, contentItem.implicitWidth + Theme.gap * 2)
            onClicked: choice.picked(modelData.value)
        }
    }
}
