#pragma once
// Controls the heat views and the host detail share, so they look and behave alike: the time ranges
// (1 h, 6 h, 24 h, 7 d) and the colour range (automatic, or fixed low and high).
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QHBoxLayout;

namespace vigil::controls {

// Fills a combo with the ranges in hours as item data; 6 h selected.
void addTimeRanges(QComboBox *combo);

// Sets up "Auto [lo] – [hi]" (the spin boxes off while automatic) and appends it to a tool bar.
void addColourRange(QHBoxLayout *bar, QCheckBox *autoRange, QDoubleSpinBox *lo, QDoubleSpinBox *hi);

} // namespace vigil::controls
