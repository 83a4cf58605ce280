#pragma once
// Create a silence in Alertmanager: matchers prefilled from what the operator selected, a duration,
// author and comment, and - before anything is sent - how many active alerts it will silence.
#include "fleet/fleetsnapshot.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace vigil {

class SilenceDialog final : public QDialog {
    Q_OBJECT
public:
    SilenceDialog(FleetSnapshotPtr snapshot, const std::vector<SilenceMatcher> &matchers,
                  const QString &comment, QWidget *parent = nullptr);

    // Valid after accept(): startsAt now, endsAt now + duration.
    [[nodiscard]] Silence silence() const;
    [[nodiscard]] int matchCount() const { return m_count; }
    [[nodiscard]] QLineEdit *matchersEdit() const { return m_matchers; }
    [[nodiscard]] QLineEdit *commentEdit() const { return m_comment; }
    [[nodiscard]] QLabel *preview() const { return m_preview; }

    static QString defaultAuthor();
    // Edit an existing silence instead: its matchers and comment prefilled; Alertmanager updates it.
    void editSilence(const Silence &silence);
    [[nodiscard]] bool editing() const { return !m_editId.empty(); }

private:
    void update();

    FleetSnapshotPtr m_snapshot;
    QLineEdit *m_matchers;
    QComboBox *m_duration;
    QLineEdit *m_author;
    QLineEdit *m_comment;
    QLabel *m_preview;
    QDialogButtonBox *m_buttons;
    std::vector<SilenceMatcher> m_parsed;
    int m_count = 0;
    std::string m_editId;
};

} // namespace vigil
