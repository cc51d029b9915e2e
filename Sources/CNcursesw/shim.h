// The project's only C: makes ncursesw's wide-character API visible to Swift and
// wraps the macros and C globals that Swift cannot import (or, in Swift 6 mode,
// cannot read) in small static inline functions.
#ifndef CONVSCOPE_CNCURSESW_SHIM_H
#define CONVSCOPE_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
// macOS: the system curses is ncurses built with the wide-character API.
#include <curses.h>
#endif

// glibc hides wcwidth unless _XOPEN_SOURCE is defined for the whole translation unit.
int wcwidth(wchar_t c);

// Attributes (macros built from NCURSES_BITS).
static inline attr_t cs_a_bold(void) { return A_BOLD; }
static inline attr_t cs_a_dim(void) { return A_DIM; }
static inline attr_t cs_a_italic(void) { return A_ITALIC; }
static inline attr_t cs_a_reverse(void) { return A_REVERSE; }
static inline attr_t cs_a_underline(void) { return A_UNDERLINE; }

// C globals that Swift 6 refuses to read directly.
static inline WINDOW *cs_stdscr(void) { return stdscr; }
static inline int cs_colors(void) { return COLORS; }
static inline int cs_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *cs_stdout(void) { return stdout; }
static inline FILE *cs_stdin(void) { return stdin; }

// Function-like macros.
static inline void cs_getmaxyx(WINDOW *win, int *rows, int *cols) { getmaxyx(win, *rows, *cols); }
static inline int cs_key_f(int n) { return KEY_F(n); }

// Mouse masks.
static inline mmask_t cs_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cs_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t cs_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t cs_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cs_button5_pressed(void) { return BUTTON5_PRESSED; }

// The character encoding of the current C locale (call after setlocale).
static inline const char *cs_codeset(void) { return nl_langinfo(CODESET); }

#endif
