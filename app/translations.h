#pragma once
// Vigil's translations and name, for the window and the headless commands alike.

namespace vigil {

// Installs English's numerus forms ("1 alert", "3 alerts": tr()'s %n needs them in every language,
// English too), then Qt's and Vigil's translations for the current locale, which take precedence.
// Call once, after the application object exists.
void installTranslations();

// Names the application (vigil, its version; settings and caches go under that name) and installs the
// translations: the first thing vigil and each of its commands do with their application object.
void setUpApplication();

} // namespace vigil
