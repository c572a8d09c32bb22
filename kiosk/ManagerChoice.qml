import QtQuick
import Kiosk

// A row of mutually exclusive touch buttons (e.g. 24 h / 7 d / 30 d / 1 year). `options` holds {value, text}.
// Given a width (e.g. Layout.fillWidth), buttons that do not fit go on to a second row; without one, a single row.
Flow {
    id: choice

    property var options: []
    property string current: ""
    property string namePrefix: "choice"

    signal picked(string value)

    spacing: Theme.gap / 2

    Repeater {
        model: choice.options.map(o => ({ value: o.value, text: o.text, owner: choice }))
        delegate: BigButton {
            required property var modelData
            objectName: modelData.owner.namePrefix + "_" + modelData.value
            text: modelData.text
            highlighted: modelData.owner.current === modelData.value
            implicitWidth: Math.max(Theme.touch * 1.4, contentItem.implicitWidth + Theme.gap * 2)
            onClicked: modelData.owner.picked(modelData.value)
        }
    }
}
