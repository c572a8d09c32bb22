#pragma once
// Chinese pinyin input for the on-screen keyboard (KioskKeyboard.qml), on the Google Pinyin engine that Debian
// packages as libgooglepinyin0 (the engine Qt Virtual Keyboard's own pinyin plugin wraps; Debian's Qt 6.4 VKB is
// built without that plugin). Letters go in, frequency-ranked candidates come out; choosing one either fixes
// part of the spelling (档案 out of "danganguanli") or completes it and returns the text to commit, after which
// the engine offers its predictions for the next word.
//
//   PinyinEngine e;                       // the system dictionary opens on first use (≈ 1 ms)
//   for (QChar c : u"dangan") e.typeLetter(c);
//   e.candidates();                        // {"档案", "当", "党", …}: first page only, loadMore() for more
//   QString text = e.choose(0);            // "档案" (empty while part of the spelling is still open)
//
// The C library keeps one decoder per process. Every PinyinEngine keeps its own spelling and choices and
// replays them into the decoder when another engine used it last, so several keyboards (tests) do not mix.
// No user dictionary is written: a shared kiosk must not learn one borrower's words and offer them to the next,
// and the ranking stays the dictionary's own.
// Cost: tens of microseconds per key (bench/bench_pinyin.cpp), so calls run on the GUI thread directly.

#include "common/Result.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace archive::kiosk {

class PinyinEngine : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString errorZh READ errorZh NOTIFY availableChanged)
    Q_PROPERTY(QString errorEn READ errorEn NOTIFY availableChanged)
    Q_PROPERTY(QString spelling READ spelling NOTIFY changed)
    Q_PROPERTY(QString preedit READ preedit NOTIFY changed)
    Q_PROPERTY(QStringList candidates READ candidates NOTIFY changed)
    Q_PROPERTY(int totalCandidates READ totalCandidates NOTIFY changed)
    Q_PROPERTY(bool hasMore READ hasMore NOTIFY changed)
    Q_PROPERTY(bool composing READ composing NOTIFY changed)
    Q_PROPERTY(bool predicting READ predicting NOTIFY changed)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)
public:
    static constexpr int kMaxLetters = 32;  // longer spellings are refused (a search query is a few words)

    explicit PinyinEngine(QObject* parent = nullptr);
    ~PinyinEngine() override;

    // $ARCHIVE_PINYIN_DICT, else where libgooglepinyin0 installs dict_pinyin.dat.
    static QString defaultDictionaryPath();
    // Opens the process's decoder on `path` (default path when empty) unless it is open already. Called by the
    // first typeLetter(); tests call it to see the error. On failure the engine stays unavailable (letters only).
    Status open(const QString& path = {});

    bool available() const { return m_available; }
    QString errorZh() const { return m_error.messageZh; }
    QString errorEn() const { return m_error.messageEn; }
    QString spelling() const { return m_spelling; }
    QString preedit() const { return m_preedit; }
    QStringList candidates() const { return m_candidates; }
    int totalCandidates() const { return m_total; }
    bool hasMore() const { return !m_predicting && m_nextId < m_total; }
    bool composing() const { return !m_spelling.isEmpty(); }
    bool predicting() const { return m_predicting; }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int n);

    // Appends one letter a–z (upper case is folded) or the syllable separator '. Returns false when refused
    // (not a letter, too long, or no dictionary).
    Q_INVOKABLE bool typeLetter(const QString& letter);
    // Undoes the last partial choice, else removes the last letter.
    Q_INVOKABLE void backspace();
    // Chooses candidates()[index]. Returns the text to commit when the spelling is complete (or a prediction was
    // chosen), else an empty string and the candidates for the rest of the spelling.
    Q_INVOKABLE QString choose(int index);
    // Returns the letters typed so far (for Enter while composing) and ends the composition.
    Q_INVOKABLE QString takeSpelling();
    // Fetches the next page of candidates.
    Q_INVOKABLE void loadMore();
    // Ends composition and predictions.
    Q_INVOKABLE void reset();

signals:
    void changed();
    void availableChanged();
    void pageSizeChanged();

private:
    void sync();  // replays this engine's spelling and choices into the shared decoder when needed
    void research();
    void refresh();       // preedit and the first page, after the decoder's state changed
    void fetch(int upTo);
    void predictAfter(const QString& committed);
    QString finish();  // the whole spelling is fixed: the text to commit; starts predictions

    bool m_available = false;
    bool m_tried = false;
    Error m_error;
    QString m_spelling;
    std::vector<int> m_chosen;   // decoder candidate ids chosen so far (partial choices)
    std::vector<int> m_ids;      // decoder candidate id of each entry of m_candidates
    QStringList m_candidates;
    QString m_preedit;
    int m_fixed = 0;             // Chinese characters already fixed by partial choices
    int m_total = 0;             // candidates the decoder has for the current state
    int m_nextId = 0;            // next decoder candidate id to read
    bool m_predicting = false;
    int m_pageSize = 20;
};

}  // namespace archive::kiosk
