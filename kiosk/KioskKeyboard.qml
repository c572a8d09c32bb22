pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Kiosk

// On-screen keyboard for a kiosk without a physical keyboard: letters, digits, backspace, space, Enter,
// 中/英 toggle and a candidate bar. In 中 mode letters go to the pinyin engine (PinyinEngine, libgooglepinyin)
// and a tapped candidate is committed into `target`; in 英 mode letters (capitals when ABC is on) go straight
// in. Keys never take focus, so the field keeps its cursor. Every key is Theme.touch high (≥ 9 mm), and letter keys
// are at least that wide too: in portrait the keys go ten to a row (see `narrow`).
Rectangle {
    id: keyboard

    property TextField target: null
    property bool chinese: true
    property bool capitals: true
    readonly property bool composing: engine.composing
    // Eleven keys to a row where they are Theme.touch wide; where they would be narrower (portrait) ten keys to a
    // row edge to edge with thin gaps — the letter rows keep full-size keys, Space and Enter get a row of their own.
    readonly property real wideSpacing: Math.max(3, Math.round(Theme.gap / 2))
    readonly property bool narrow: (width - Math.round(Theme.gap / 2) * 2 - 10 * wideSpacing) / 11 < Theme.touch
    readonly property real unit: narrow ? (width - 9 * spacing) / 10 : (width - 2 * pad - 10 * spacing) / 11
    readonly property int pad: narrow ? 0 : Math.round(Theme.gap / 2)
    readonly property int spacing: narrow ? 2 : wideSpacing

    signal accepted()
    signal hideRequested()

    // Puts text at the cursor (replacing a selection).
    function insertText(text: string) {
        if (!target || text === "")
            return
        if (target.selectedText !== "")
            target.remove(target.selectionStart, target.selectionEnd)
        target.insert(target.cursorPosition, text)
    }

    function letter(ch: string) {
        // the engine opens its dictionary on the first letter; without one, letters go straight in
        if (chinese && (engine.typeLetter(ch) || engine.available))
            return
        insertText(capitals || chinese ? ch.toUpperCase() : ch)
    }

    function symbol(ch: string) {
        if (chinese && ch === "'" && engine.composing) {
            engine.typeLetter(ch)
            return
        }
        commitComposition()
        insertText(ch)
    }

    function backspace() {
        if (engine.composing) {
            engine.backspace()
            return
        }
        engine.reset()  // predictions go; the character before the cursor too
        if (!target)
            return
        if (target.selectedText !== "")
            target.remove(target.selectionStart, target.selectionEnd)
        else if (target.cursorPosition > 0)
            target.remove(target.cursorPosition - 1, target.cursorPosition)
    }

    function space() {
        if (engine.composing && engine.candidates.length > 0)
            pick(0)
        else {
            engine.reset()
            insertText(" ")
        }
    }

    function enter() {
        if (engine.composing) {
            insertText(engine.takeSpelling())  // Enter while composing keeps the letters as typed
            return
        }
        engine.reset()
        keyboard.accepted()
    }

    function pick(index: int) {
        insertText(engine.choose(index))
    }

    // Letters still open become text (before a digit, a switch to 英 or hiding).
    function commitComposition() {
        if (engine.composing)
            insertText(engine.takeSpelling())
        else
            engine.reset()
    }

    function toggleLanguage() {
        commitComposition()
        chinese = !chinese
    }

    implicitHeight: keyColumn.implicitHeight + 2 * pad
    color: "#dcd7cb"
    onVisibleChanged: if (!visible) commitComposition()

    PinyinEngine {
        id: engine
    }

    component Key: Rectangle {
        id: key

        property string label
        property real units: 1
        property bool accent: false
        property bool active: false

        signal tapped()

        width: Math.floor(keyboard.unit * units + keyboard.spacing * (units - 1))
        height: Theme.touch
        radius: Theme.radius
        color: tap.pressed ? Theme.line : accent ? Theme.accent : active ? "#c9dbe8" : Theme.surface
        border.color: Theme.line

        Text {
            anchors.fill: parent
            anchors.margins: 2
            text: key.label
            color: key.accent ? Theme.accentInk : Theme.ink
            font.pixelSize: Theme.body
            font.bold: true
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.small
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        MouseArea {
            id: tap
            anchors.fill: parent
            onClicked: key.tapped()
        }
    }

    Column {
        id: keyColumn
        x: keyboard.pad
        y: keyboard.pad
        width: keyboard.width - 2 * keyboard.pad
        spacing: keyboard.spacing

        // Candidate bar: the spelling as the engine splits it, then the candidates (tap to commit), more, hide.
        Item {
            width: parent.width
            height: Theme.touch

            Text {
                id: preedit
                objectName: "kbPreedit"
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                width: engine.composing ? Math.min(implicitWidth, parent.width / 4) : 0
                text: engine.preedit
                color: Theme.accent
                font.pixelSize: Theme.body
                elide: Text.ElideLeft
            }
            ListView {
                id: candidateList
                objectName: "kbCandidates"
                anchors.left: preedit.right
                anchors.leftMargin: engine.composing ? keyboard.spacing : 0
                anchors.right: barButtons.left
                anchors.rightMargin: keyboard.spacing
                height: parent.height
                orientation: ListView.Horizontal
                spacing: keyboard.spacing
                clip: true
                visible: keyboard.chinese
                model: engine.candidates
                onAtXEndChanged: if (atXEnd && engine.hasMore) engine.loadMore()
                delegate: Rectangle {
                    id: cand
                    required property int index
                    required property string modelData
                    objectName: "kbCandidate_" + index
                    width: Math.max(Theme.touch, candText.implicitWidth + Theme.gap * 2)
                    height: Theme.touch
                    radius: Theme.radius
                    color: candTap.pressed ? Theme.line : index === 0 && engine.composing ? "#c9dbe8" : Theme.surface
                    border.color: Theme.line
                    Text {
                        id: candText
                        anchors.centerIn: parent
                        text: cand.modelData
                        color: Theme.ink
                        font.pixelSize: Theme.title
                    }
                    MouseArea {
                        id: candTap
                        anchors.fill: parent
                        onClicked: keyboard.pick(cand.index)
                    }
                }
            }
            Text {
                anchors.left: parent.left
                anchors.right: barButtons.left
                anchors.verticalCenter: parent.verticalCenter
                visible: keyboard.chinese && !engine.available && engine.errorZh !== ""
                text: Language.english ? engine.errorEn : engine.errorZh
                color: Theme.error
                font.pixelSize: Theme.small
                wrapMode: Text.WordWrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Row {
                id: barButtons
                anchors.right: parent.right
                spacing: keyboard.spacing
                Key {
                    objectName: "kbMore"
                    visible: keyboard.chinese && engine.hasMore
                    label: "▸"
                    onTapped: {
                        engine.loadMore()
                        candidateList.positionViewAtIndex(Math.max(0, candidateList.count - 1), ListView.End)
                    }
                }
                Key {
                    objectName: "kbCaps"
                    visible: !keyboard.chinese
                    units: 1.5
                    label: keyboard.capitals ? "ABC" : "abc"
                    active: keyboard.capitals
                    onTapped: keyboard.capitals = !keyboard.capitals
                }
                Key {
                    objectName: "kbHide"
                    units: 1.5
                    label: qsTr("Hide ▾")
                    onTapped: {
                        keyboard.commitComposition()
                        keyboard.hideRequested()
                    }
                }
            }
        }

        Row {
            spacing: keyboard.spacing
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0"]
                Key {
                    required property string modelData
                    objectName: "kbKey_" + modelData
                    label: modelData
                    onTapped: keyboard.symbol(modelData)
                }
            }
            Key {
                objectName: "kbBackspace"
                visible: !keyboard.narrow
                label: "⌫"
                onTapped: keyboard.backspace()
            }
        }
        Row {
            spacing: keyboard.spacing
            Repeater {
                model: ["q", "w", "e", "r", "t", "y", "u", "i", "o", "p"]
                Key {
                    required property string modelData
                    objectName: "kbKey_" + modelData
                    label: keyboard.chinese || !keyboard.capitals ? modelData : modelData.toUpperCase()
                    onTapped: keyboard.letter(modelData)
                }
            }
            Key {
                objectName: "kbSeparator"
                visible: !keyboard.narrow
                label: keyboard.chinese ? "'" : "-"
                onTapped: keyboard.symbol(keyboard.chinese ? "'" : "-")
            }
        }
        Row {
            spacing: keyboard.spacing
            Repeater {
                model: ["a", "s", "d", "f", "g", "h", "j", "k", "l"]
                Key {
                    required property string modelData
                    objectName: "kbKey_" + modelData
                    label: keyboard.chinese || !keyboard.capitals ? modelData : modelData.toUpperCase()
                    onTapped: keyboard.letter(modelData)
                }
            }
            Key {
                objectName: "kbEnter"
                visible: !keyboard.narrow
                units: 2
                accent: true
                label: engine.composing ? qsTr("Keep letters") : qsTr("Search")
                onTapped: keyboard.enter()
            }
            Key {
                objectName: "kbSeparator"
                visible: keyboard.narrow
                label: keyboard.chinese ? "'" : "-"
                onTapped: keyboard.symbol(keyboard.chinese ? "'" : "-")
            }
        }
        Row {
            spacing: keyboard.spacing
            Key {
                objectName: "kbLanguage"
                units: 1.5
                label: keyboard.chinese ? "中 / 英" : "英 / 中"
                active: keyboard.chinese
                onTapped: keyboard.toggleLanguage()
            }
            Repeater {
                model: ["z", "x", "c", "v", "b", "n", "m"]
                Key {
                    required property string modelData
                    objectName: "kbKey_" + modelData
                    label: keyboard.chinese || !keyboard.capitals ? modelData : modelData.toUpperCase()
                    onTapped: keyboard.letter(modelData)
                }
            }
            Key {
                objectName: "kbSpace"
                visible: !keyboard.narrow
                units: 2.5
                label: qsTr("Space")
                onTapped: keyboard.space()
            }
            Key {
                objectName: "kbBackspace"
                visible: keyboard.narrow
                units: 1.5
                label: "⌫"
                onTapped: keyboard.backspace()
            }
        }
        Row {
            visible: keyboard.narrow
            spacing: keyboard.spacing
            Key {
                objectName: "kbSpace"
                units: 6
                label: qsTr("Space")
                onTapped: keyboard.space()
            }
            Key {
                objectName: "kbEnter"
                units: 4
                accent: true
                label: engine.composing ? qsTr("Keep letters") : qsTr("Search")
                onTapped: keyboard.enter()
            }
        }
    }
}
