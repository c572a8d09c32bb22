import QtQuick
import QtQuick.Controls
import QtTest
import Kiosk

// The on-screen keyboard (KioskKeyboard) on a real TextField with the real pinyin engine: taps on the keys
// and on a candidate put Chinese into the field, which keeps its focus the whole time.
Item {
    id: root
    width: 1024
    height: 600

    Component {
        id: formComponent
        Item {
            property alias field: field
            property alias keyboard: keyboard
            property int accepted: 0
            anchors.fill: parent
            TextField {
                id: field
                width: parent.width
                height: Theme.touch
                font.pixelSize: Theme.body
            }
            KioskKeyboard {
                id: keyboard
                anchors.bottom: parent.bottom
                width: parent.width
                height: implicitHeight
                target: field
                onAccepted: parent.accepted++
            }
        }
    }

    TestCase {
        name: "Keyboard"
        when: windowShown

        function makeForm() {
            const f = createTemporaryObject(formComponent, root)
            verify(f !== null)
            f.field.forceActiveFocus()
            // the key rows are laid out at the next polish: wait for it before tapping
            tryVerify(() => findChild(f.keyboard, "kbSeparator").x > 0 && findChild(f.keyboard, "kbSpace").x > 0)
            return f
        }

        function tap(form, name) {
            const key = findChild(form.keyboard, name)
            verify(key !== null, "no key " + name)
            verify(key.visible, name + " hidden")
            tryVerify(() => !isPolishScheduled(key.parent))  // a row re-laid out after a key appeared
            mouseClick(key)
        }

        function type(form, letters) {
            for (let i = 0; i < letters.length; ++i)
                tap(form, "kbKey_" + letters[i])
        }

        // The candidate delegate showing `word`, or null.
        function candidate(form, word) {
            const list = findChild(form.keyboard, "kbCandidates")
            for (let i = 0; i < list.count; ++i) {
                const c = findChild(form.keyboard, "kbCandidate_" + i)
                if (c && list.model[i] === word)
                    return c
            }
            return null
        }

        function test_tappingPinyinPutsChineseIntoTheField() {
            const f = makeForm()
            type(f, "dangan")
            compare(f.field.text, "", "letters stay in the candidate bar while composing")
            compare(findChild(f.keyboard, "kbPreedit").text, "dang'an")
            tryVerify(() => candidate(f, "档案") !== null)
            const list = findChild(f.keyboard, "kbCandidates")
            verify(list.model.indexOf("档案") < 3, "档案 among the first: " + list.model.slice(0, 5))
            mouseClick(candidate(f, "档案"))
            compare(f.field.text, "档案")
            verify(f.field.activeFocus, "the field keeps the focus")
            compare(f.keyboard.composing, false)
        }

        function test_wordsDigitsAndSpace() {
            const f = makeForm()
            type(f, "linye")
            tap(f, "kbSpace")                  // space takes the first candidate
            compare(f.field.text, "林业")
            tap(f, "kbKey_2"); tap(f, "kbKey_0"); tap(f, "kbKey_2"); tap(f, "kbKey_0")
            compare(f.field.text, "林业2020")
            type(f, "caiwu")
            mouseClick(candidate(f, "财务"))
            compare(f.field.text, "林业2020财务")
            tap(f, "kbBackspace")              // nothing composing: deletes in the field
            compare(f.field.text, "林业2020财")
        }

        function test_backspaceWhileComposingAndEnterKeepsLetters() {
            const f = makeForm()
            type(f, "caiw")
            tap(f, "kbBackspace")
            compare(findChild(f.keyboard, "kbPreedit").text, "cai")
            tap(f, "kbEnter")                   // Enter while composing: the letters as typed
            compare(f.field.text, "cai")
            compare(f.accepted, 0)
            tap(f, "kbEnter")                   // Enter otherwise: search
            compare(f.accepted, 1)
        }

        function test_englishModeTypesCodes() {
            const f = makeForm()
            tap(f, "kbLanguage")
            compare(f.keyboard.chinese, false)
            type(f, "ws")
            tap(f, "kbSeparator")
            tap(f, "kbKey_1")
            compare(f.field.text, "WS-1")
            tap(f, "kbCaps")
            type(f, "a")
            compare(f.field.text, "WS-1a")
            tap(f, "kbLanguage")
            compare(f.keyboard.chinese, true)
        }

        function test_switchingLanguageKeepsTypedLetters() {
            const f = makeForm()
            type(f, "xian")
            tap(f, "kbLanguage")
            compare(f.field.text, "xian")
            compare(f.keyboard.composing, false)
        }

        function test_keysAreTouchTargets_data() {
            return [ { tag: "1024x600", w: 1024, scale: 1.0 }, { tag: "1920x1080", w: 1920, scale: 1.8 } ]
        }
        function test_keysAreTouchTargets(data) {
            const old = Theme.scale
            Theme.scale = data.scale
            root.width = data.w
            const f = makeForm()
            const k = findChild(f.keyboard, "kbKey_q")
            const p = findChild(f.keyboard, "kbSeparator")
            // ≥ 9 mm at ~5 px/mm on the smallest supported screen
            verify(k.height >= 45 && k.width >= 45, "key " + k.width + "×" + k.height)
            // the eleven keys of a row fit the keyboard's width
            const right = p.mapToItem(f.keyboard, p.width, 0).x
            verify(right <= f.keyboard.width && right > f.keyboard.width - Theme.gap * 2, "row ends at " + right)
            Theme.scale = old
            root.width = 1024
        }
    }
}
