/* Page mode's per-line and per-unit work in C, each function the twin of a Python one
 * that stays the reference (boilerstrip/rules/page.py; tests/test_native_page.py runs
 * both on every corpus text and under hypothesis):
 *
 * visible(line): page.visible, the text a reader sees and how much of it is link text.
 * Each of its patterns is matched as the re module matches it.
 *
 * raw_units(lines, wrap, wrap_min, closers, ends, table): page._raw_units, the units of
 * text (a line, or a hard-wrapped paragraph joined back into one) as tuples (first line,
 * last line, visible text, share of link characters, words, ends a sentence). `words`
 * counts the runs of word characters in the lower-cased text (`table` says which
 * characters of the Basic Multilingual Plane are word characters, as the `regex` module
 * reads \w), and is -1 for a text with a character beyond that plane (Python counts it).
 *
 * words_of(text, table): page.words_of for a text of the plane (None beyond it).
 *
 * score_units(raw, counts, debris, stop, table, cjk, unit, limits): page._score for each
 * unit (None: a text beyond the plane, which Python scores).
 *
 * language_hits(words, index, n): page._language_hits, for each of n languages the
 * words that its stop list holds.
 *
 * short_lines(lines, short): page._short_lines, the lines that are not blank and those
 * shorter than `short` characters as a reader sees them.
 *
 * Built by `pip install .` when a C compiler is there; without it, or with
 * BOILERSTRIP_PURE=1 in the environment, the Python code runs instead.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The line without white space at both ends (as str.strip() reads white space): [*a, *b). */
static void
bounds(PyObject *s, Py_ssize_t *a, Py_ssize_t *b)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t i = 0, j = PyUnicode_GET_LENGTH(s);
    while (i < j && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
        i++;
    while (j > i && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j - 1)))
        j--;
    *a = i;
    *b = j;
}

/* Does [a, b) hold "](", "://" or "<" (a Markdown link, an address, a tag)? With `more`,
 * also "][" or a "(" before "h", "m", "/", "#" or ".": then page.visible() could find a
 * link, an address or a tag only where this is true (each of its patterns needs one). */
static int
marked(PyObject *s, Py_ssize_t a, Py_ssize_t b, int more)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_UCS4 prev = 0, prev2 = 0;
    for (Py_ssize_t i = a; i < b; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '<' || (c == '(' && prev == ']') || (c == '/' && prev == '/' && prev2 == ':'))
            return 1;
        if (more && ((c == '[' && prev == ']')
                     || (prev == '(' && (c == 'h' || c == 'm' || c == '/' || c == '#' || c == '.'))))
            return 1;
        prev2 = prev;
        prev = c;
    }
    return 0;
}

/* Where the text starts after page._LEAD (bullets, quote marks, table bars, a list
 * number): ^[\s*+\-•·>#|]*(?:\d{1,3}[.)]\s+)? as the re module reads \s and \d. */
static Py_ssize_t
lead_end(int kind, const void *data, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t i = a;
    for (; i < b; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (!(Py_UNICODE_ISSPACE(c) || c == '*' || c == '+' || c == '-' || c == 0x2022
              || c == 0xB7 || c == '>' || c == '#' || c == '|'))
            break;
    }
    Py_ssize_t j = i;
    while (j < b && j - i < 4 && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, j)))
        j++;
    if (j > i && j - i <= 3 && j + 1 < b) {
        Py_UCS4 mark = PyUnicode_READ(kind, data, j);
        if ((mark == '.' || mark == ')') && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j + 1))) {
            j += 2;
            while (j < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j)))
                j++;
            return j;
        }
    }
    return i;
}

/* \w as the re module reads it in a str pattern. */
static inline int
is_word(Py_UCS4 c)
{
    return c < 128 ? (Py_ISALNUM(c) || c == '_') : Py_UNICODE_ISALNUM(c);
}

/* A line's text as a reader sees it, in a buffer of code points (page.visible on a line
 * with marks: Markdown images and links, link targets and addresses, tags, then the lead).
 * Each pattern is matched as the re module matches it: none of them can backtrack into a
 * different match, so one left-to-right scan per pattern finds the same matches. */
typedef struct {
    Py_UCS4 *c;
    Py_ssize_t n;
} Buf;

static Py_ssize_t
until(const Buf *s, Py_ssize_t i, Py_UCS4 stop)
{
    while (i < s->n && s->c[i] != stop && s->c[i] != '\n')
        i++;
    return i < s->n && s->c[i] == stop ? i : -1;
}

/* !\[[^\]\n]*\]\([^)\n]*\) */
static Py_ssize_t
match_image(const Buf *s, Py_ssize_t i)
{
    if (i + 1 >= s->n || s->c[i] != '!' || s->c[i + 1] != '[')
        return -1;
    Py_ssize_t j = until(s, i + 2, ']');
    if (j < 0 || j + 1 >= s->n || s->c[j + 1] != '(')
        return -1;
    Py_ssize_t k = until(s, j + 2, ')');
    return k < 0 ? -1 : k + 1;
}

/* \[([^\]\n]*)\](?:\([^)\n]*\)|\[\d+\]); the group ends at *close. */
static Py_ssize_t
match_link(const Buf *s, Py_ssize_t i, Py_ssize_t *close)
{
    if (s->c[i] != '[')
        return -1;
    Py_ssize_t j = until(s, i + 1, ']');
    if (j < 0 || j + 1 >= s->n)
        return -1;
    *close = j;
    if (s->c[j + 1] == '(') {
        Py_ssize_t k = until(s, j + 2, ')');
        if (k >= 0)
            return k + 1;
    }
    if (s->c[j + 1] == '[') {
        Py_ssize_t k = j + 2;
        while (k < s->n && Py_UNICODE_ISDECIMAL(s->c[k]))
            k++;
        if (k > j + 2 && k < s->n && s->c[k] == ']')
            return k + 1;
    }
    return -1;
}

static int
starts(const Buf *s, Py_ssize_t i, const char *prefix)
{
    for (; *prefix; prefix++, i++)
        if (i >= s->n || s->c[i] != (Py_UCS4)(unsigned char)*prefix)
            return 0;
    return 1;
}

/* \((?:https?:|mailto:|/|#|\.\.?/)[^)\s]*\)|https?://\S+ */
static Py_ssize_t
match_target(const Buf *s, Py_ssize_t i)
{
    if (s->c[i] == '(') {
        Py_ssize_t j = -1;
        if (starts(s, i + 1, "https:"))
            j = i + 7;
        else if (starts(s, i + 1, "http:"))
            j = i + 6;
        else if (starts(s, i + 1, "mailto:"))
            j = i + 8;
        else if (starts(s, i + 1, "/") || starts(s, i + 1, "#") || starts(s, i + 1, "./"))
            j = i + 1 + (s->c[i + 1] == '.' ? 2 : 1);
        else if (starts(s, i + 1, "../"))
            j = i + 4;
        if (j < 0)
            return -1;
        while (j < s->n && s->c[j] != ')' && !Py_UNICODE_ISSPACE(s->c[j]))
            j++;
        return j < s->n && s->c[j] == ')' ? j + 1 : -1;
    }
    Py_ssize_t j = starts(s, i, "https://") ? i + 8 : starts(s, i, "http://") ? i + 7 : -1;
    if (j < 0 || j >= s->n || Py_UNICODE_ISSPACE(s->c[j]))
        return -1;
    while (j < s->n && !Py_UNICODE_ISSPACE(s->c[j]))
        j++;
    return j;
}

/* </?[A-Za-z][\w:-]*(?:\s[^<>\n]{0,200})?/?> */
static Py_ssize_t
match_tag(const Buf *s, Py_ssize_t i)
{
    if (s->c[i] != '<')
        return -1;
    Py_ssize_t j = i + 1;
    if (j < s->n && s->c[j] == '/')
        j++;
    if (j >= s->n || s->c[j] > 127 || !Py_ISALPHA(s->c[j]))
        return -1;
    j++;
    while (j < s->n && (is_word(s->c[j]) || s->c[j] == ':' || s->c[j] == '-'))
        j++;
    Py_ssize_t k = j;
    if (j < s->n && Py_UNICODE_ISSPACE(s->c[j])) {
        k = j + 1;
        while (k < s->n && k - j - 1 < 200 && s->c[k] != '<' && s->c[k] != '>' && s->c[k] != '\n')
            k++;
        if (k < s->n && s->c[k] == '>')
            return k + 1;
        if (k + 1 < s->n && s->c[k] == '/' && s->c[k + 1] == '>')
            return k + 2;
        k = j;  /* the attributes do not close: the tag without them */
    }
    if (k < s->n && s->c[k] == '>')
        return k + 1;
    if (k + 1 < s->n && s->c[k] == '/' && s->c[k + 1] == '>')
        return k + 2;
    return -1;
}

static int
holds(const Buf *s, const char *sub)
{
    for (Py_ssize_t i = 0; i < s->n; i++)
        if (starts(s, i, sub))
            return 1;
    return 0;
}

static void
strip_buf(Buf *s)
{
    Py_ssize_t a = 0, b = s->n;
    while (a < b && Py_UNICODE_ISSPACE(s->c[a]))
        a++;
    while (b > a && Py_UNICODE_ISSPACE(s->c[b - 1]))
        b--;
    memmove(s->c, s->c + a, (b - a) * sizeof(Py_UCS4));
    s->n = b - a;
}

/* Each match of `kind` (0 image, 1 link: its text stays, 2 target, 3 tag) taken out of s
 * in place; the length of the links' text, for links. */
static Py_ssize_t
sub(Buf *s, int kind)
{
    Py_ssize_t out = 0, kept = 0, i = 0;
    while (i < s->n) {
        Py_ssize_t close = -1, end;
        switch (kind) {
        case 0: end = match_image(s, i); break;
        case 1: end = match_link(s, i, &close); break;
        case 2: end = match_target(s, i); break;
        default: end = match_tag(s, i); break;
        }
        if (end < 0) {
            s->c[out++] = s->c[i++];
            continue;
        }
        if (kind == 1) {
            for (Py_ssize_t k = i + 1; k < close; k++)
                s->c[out++] = s->c[k];
            kept += close - i - 1;
        }
        i = end;
    }
    s->n = out;
    return kept;
}

static PyObject *
visible_marked(PyObject *line, Py_ssize_t a, Py_ssize_t b, Py_ssize_t *linked)
{
    Buf s = {PyMem_New(Py_UCS4, b - a + 1), b - a};
    if (s.c == NULL)
        return PyErr_NoMemory();
    int kind = PyUnicode_KIND(line);
    const void *data = PyUnicode_DATA(line);
    for (Py_ssize_t i = a; i < b; i++)
        s.c[i - a] = PyUnicode_READ(kind, data, i);
    *linked = 0;
    if (holds(&s, "](") || holds(&s, "][")) {
        sub(&s, 0);
        Py_ssize_t kept = sub(&s, 1);
        *linked = kept;
    }
    if (holds(&s, "(") || holds(&s, "://")) {
        Py_ssize_t before = s.n;
        sub(&s, 2);
        if (s.n < before) {
            strip_buf(&s);
            if (s.n > *linked)
                *linked = s.n;
        }
    }
    if (holds(&s, "<")) {
        sub(&s, 3);
        strip_buf(&s);
    }
    if (s.n && !Py_UNICODE_ISALNUM(s.c[0])) {
        Py_ssize_t i = lead_end(PyUnicode_4BYTE_KIND, s.c, 0, s.n);
        memmove(s.c, s.c + i, (s.n - i) * sizeof(Py_UCS4));
        s.n -= i;
        strip_buf(&s);
    }
    PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, s.c, s.n);
    PyMem_Free(s.c);
    return text;
}

/* The line as a reader sees it and its link characters: (new reference, count). [a, b):
 * the line without its white space at both ends (bounds). */
static PyObject *
visible(PyObject *line, Py_ssize_t a, Py_ssize_t b, Py_ssize_t *linked)
{
    if (a < b && marked(line, a, b, 1))
        return visible_marked(line, a, b, linked);
    *linked = 0;
    if (a < b && !Py_UNICODE_ISALNUM(PyUnicode_READ_CHAR(line, a))) {
        a = lead_end(PyUnicode_KIND(line), PyUnicode_DATA(line), a, b);
        while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(line, b - 1)))
            b--;
    }
    return PyUnicode_Substring(line, a, b);
}

static PyObject *
py_visible(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "visible() takes a str");
        return NULL;
    }
    Py_ssize_t a, b, linked;
    bounds(arg, &a, &b);
    PyObject *text = visible(arg, a, b, &linked);
    return text == NULL ? NULL : Py_BuildValue("Nn", text, linked);
}

static int
has(PyObject *set, Py_UCS4 c)
{
    int kind = PyUnicode_KIND(set);
    const void *data = PyUnicode_DATA(set);
    for (Py_ssize_t i = 0, n = PyUnicode_GET_LENGTH(set); i < n; i++)
        if (PyUnicode_READ(kind, data, i) == c)
            return 1;
    return 0;
}

/* text.ends_sentence: an end mark before closing quotes and brackets. */
static int
ends_sentence(PyObject *s, PyObject *closers, PyObject *ends)
{
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    Py_ssize_t j = PyUnicode_GET_LENGTH(s);
    while (j > 0 && has(closers, PyUnicode_READ(kind, data, j - 1)))
        j--;
    return j > 0 && has(ends, PyUnicode_READ(kind, data, j - 1));
}

/* The words of a text as page.words_of() finds them: the runs of word characters of the
 * lower-cased text, where `table` (65,536 bytes) says which characters of the Basic
 * Multilingual Plane are word characters; -1 when the lower-cased text has a character
 * beyond it. */
static Py_ssize_t
count_words(PyObject *s, const unsigned char *table)
{
    Py_ssize_t words = 0;
    int in = 0;
    if (PyUnicode_IS_ASCII(s)) {
        const Py_UCS1 *p = PyUnicode_1BYTE_DATA(s);
        for (Py_ssize_t i = 0, n = PyUnicode_GET_LENGTH(s); i < n; i++) {
            int w = Py_ISALNUM(p[i]) || p[i] == '_';
            words += w && !in;
            in = w;
        }
        return words;
    }
    PyObject *lower = PyObject_CallMethod(s, "lower", NULL);
    if (lower == NULL)
        return -2;
    if (PyUnicode_KIND(lower) == PyUnicode_4BYTE_KIND) {
        Py_DECREF(lower);
        return -1;
    }
    int kind = PyUnicode_KIND(lower);
    const void *data = PyUnicode_DATA(lower);
    for (Py_ssize_t i = 0, n = PyUnicode_GET_LENGTH(lower); i < n; i++) {
        int w = table[PyUnicode_READ(kind, data, i)];
        words += w && !in;
        in = w;
    }
    Py_DECREF(lower);
    return words;
}

static PyObject *
check_lines(PyObject *lines)
{
    if (!PyList_Check(lines)) {
        PyErr_SetString(PyExc_TypeError, "lines must be a list of str");
        return NULL;
    }
    for (Py_ssize_t i = 0, n = PyList_GET_SIZE(lines); i < n; i++) {
        if (!PyUnicode_Check(PyList_GET_ITEM(lines, i))) {
            PyErr_SetString(PyExc_TypeError, "lines must be a list of str");
            return NULL;
        }
    }
    return lines;
}

static PyObject *
raw_units(PyObject *self, PyObject *args)
{
    PyObject *lines, *closers, *ends, *table;
    int wrap;
    Py_ssize_t wrap_min;
    if (!PyArg_ParseTuple(args, "OpnUUS:raw_units", &lines, &wrap, &wrap_min, &closers, &ends,
                          &table))
        return NULL;
    if (PyBytes_GET_SIZE(table) != 0x10000) {
        PyErr_SetString(PyExc_ValueError, "the word table must have 65536 bytes");
        return NULL;
    }
    const unsigned char *words = (const unsigned char *)PyBytes_AS_STRING(table);
    if (check_lines(lines) == NULL)
        return NULL;
    PyObject *out = PyList_New(0);
    PyObject *parts = PyList_New(0);
    PyObject *space = PyUnicode_FromString(" ");
    if (out == NULL || parts == NULL || space == NULL)
        goto error;
    Py_ssize_t n = PyList_GET_SIZE(lines);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        Py_ssize_t a, b, linked;
        bounds(line, &a, &b);
        if (a == b)
            continue;
        PyObject *text = visible(line, a, b, &linked);
        if (text == NULL)
            goto error;
        if (PyUnicode_GET_LENGTH(text) == 0) {
            Py_DECREF(text);
            continue;
        }
        Py_ssize_t first = i, link = linked;
        if (PyList_Append(parts, text) < 0) {
            Py_DECREF(text);
            goto error;
        }
        while (wrap && i + 1 < n) {
            PyObject *here = PyList_GET_ITEM(lines, i), *next = PyList_GET_ITEM(lines, i + 1);
            Py_ssize_t ha, hb, na, nb;
            if (PyUnicode_GET_LENGTH(here) < wrap_min)
                break;
            bounds(here, &ha, &hb);
            if (hb - ha < wrap_min || ends_sentence(text, closers, ends))
                break;
            bounds(next, &na, &nb);
            if (na == nb || !Py_UNICODE_ISALNUM(PyUnicode_READ_CHAR(next, na)))
                break;
            i++;
            Py_DECREF(text);
            text = visible(next, na, nb, &linked);
            if (text == NULL)
                goto error;
            if (PyUnicode_GET_LENGTH(text) == 0)
                break;
            if (PyList_Append(parts, text) < 0) {
                Py_DECREF(text);
                goto error;
            }
            link += linked;
        }
        Py_DECREF(text);
        PyObject *joined;
        if (PyList_GET_SIZE(parts) == 1) {
            joined = PyList_GET_ITEM(parts, 0);
            Py_INCREF(joined);
        }
        else {
            joined = PyUnicode_Join(space, parts);
            if (joined == NULL)
                goto error;
        }
        if (PyList_SetSlice(parts, 0, PyList_GET_SIZE(parts), NULL) < 0) {
            Py_DECREF(joined);
            goto error;
        }
        Py_ssize_t size = PyUnicode_GET_LENGTH(joined), count = count_words(joined, words);
        if (count == -2) {
            Py_DECREF(joined);
            goto error;
        }
        PyObject *unit = Py_BuildValue(
            "nnNdnO", first, i, joined, (double)link / (double)(size > 1 ? size : 1), count,
            ends_sentence(joined, closers, ends) ? Py_True : Py_False);
        if (unit == NULL)
            goto error;
        int failed = PyList_Append(out, unit);
        Py_DECREF(unit);
        if (failed < 0)
            goto error;
    }
    Py_DECREF(parts);
    Py_DECREF(space);
    return out;
error:
    Py_XDECREF(out);
    Py_XDECREF(parts);
    Py_XDECREF(space);
    return NULL;
}

static PyObject *
short_lines(PyObject *self, PyObject *args)
{
    PyObject *lines;
    Py_ssize_t shortest;
    if (!PyArg_ParseTuple(args, "On:short_lines", &lines, &shortest))
        return NULL;
    if (check_lines(lines) == NULL)
        return NULL;
    Py_ssize_t filled = 0, short_ = 0;
    for (Py_ssize_t i = 0, n = PyList_GET_SIZE(lines); i < n; i++) {
        PyObject *line = PyList_GET_ITEM(lines, i);
        Py_ssize_t a, b;
        bounds(line, &a, &b);
        if (a == b)
            continue;
        filled++;
        Py_ssize_t size = b - a;
        if (size >= shortest && marked(line, a, b, 0)) {
            /* A menu item as a Markdown converter writes it, with its link's address. */
            Py_ssize_t linked;
            PyObject *text = visible(line, a, b, &linked);
            if (text == NULL)
                return NULL;
            size = PyUnicode_GET_LENGTH(text);
            Py_DECREF(text);
        }
        short_ += size < shortest;
    }
    return Py_BuildValue("nn", short_, filled);
}

/* The lower-cased words of a text (page.words_of), where `table` says which characters
 * of the Basic Multilingual Plane are word characters; None when the lower-cased text
 * has a character beyond that plane. */
static PyObject *
words_of(PyObject *text, const unsigned char *table)
{
    PyObject *lower = PyObject_CallMethod(text, "lower", NULL);
    if (lower == NULL)
        return NULL;
    if (PyUnicode_KIND(lower) == PyUnicode_4BYTE_KIND) {
        Py_DECREF(lower);
        Py_RETURN_NONE;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        Py_DECREF(lower);
        return NULL;
    }
    int kind = PyUnicode_KIND(lower);
    const void *data = PyUnicode_DATA(lower);
    Py_ssize_t n = PyUnicode_GET_LENGTH(lower), start = -1;
    for (Py_ssize_t i = 0; i <= n; i++) {
        int w = i < n && table[PyUnicode_READ(kind, data, i)];
        if (w && start < 0)
            start = i;
        else if (!w && start >= 0) {
            PyObject *word = PyUnicode_Substring(lower, start, i);
            if (word == NULL || PyList_Append(out, word) < 0) {
                Py_XDECREF(word);
                Py_DECREF(out);
                Py_DECREF(lower);
                return NULL;
            }
            Py_DECREF(word);
            start = -1;
        }
    }
    Py_DECREF(lower);
    return out;
}

static PyObject *
py_words_of(PyObject *self, PyObject *args)
{
    PyObject *text, *table;
    if (!PyArg_ParseTuple(args, "US:words_of", &text, &table))
        return NULL;
    if (PyBytes_GET_SIZE(table) != 0x10000) {
        PyErr_SetString(PyExc_ValueError, "the word table must have 65536 bytes");
        return NULL;
    }
    return words_of(text, (const unsigned char *)PyBytes_AS_STRING(table));
}

/* Is the share of the text's words (lower-cased, as words_of lists them) that the stop
 * set holds at least `need`? 1 or 0; 2 when the lower-cased text is beyond the plane
 * (Python reads it); -1 on an error. It stops reading as soon as the share is reached:
 * hits only grow, so the share of all the words is reached then too. */
static int
stop_share_reaches(PyObject *text, const unsigned char *table, PyObject *stop, double need)
{
    PyObject *lower = PyObject_CallMethod(text, "lower", NULL);
    if (lower == NULL)
        return -1;
    if (PyUnicode_KIND(lower) == PyUnicode_4BYTE_KIND) {
        Py_DECREF(lower);
        return 2;
    }
    int kind = PyUnicode_KIND(lower);
    const void *data = PyUnicode_DATA(lower);
    Py_ssize_t n = PyUnicode_GET_LENGTH(lower), m = 0, hits = 0, start = -1;
    int prev = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int w = table[PyUnicode_READ(kind, data, i)];
        m += w && !prev;
        prev = w;
    }
    int result = m == 0;  /* no words: the share is 1 */
    for (Py_ssize_t i = 0; i <= n && !result; i++) {
        int w = i < n && table[PyUnicode_READ(kind, data, i)];
        if (w && start < 0)
            start = i;
        else if (!w && start >= 0) {
            PyObject *word = PyUnicode_Substring(lower, start, i);
            int in = word == NULL ? -1 : PySet_Contains(stop, word);
            Py_XDECREF(word);
            if (in < 0) {
                Py_DECREF(lower);
                return -1;
            }
            hits += in;
            result = (double)hits / (double)m >= need;
            start = -1;
        }
    }
    Py_DECREF(lower);
    return result;
}

/* The scores of the units (page._score): a Unit for each raw unit, or None where Python
 * must score it (a text beyond the Basic Multilingual Plane). `counts`: each unit's
 * words; `debris`: the lines a rule removed; `stop`: the stop list (None: none);
 * `limits`: (prose words, stop share, label score, debris score). */
static PyObject *
score_units(PyObject *self, PyObject *args)
{
    PyObject *raw, *counts, *debris, *stop, *words_table, *cjk_table, *unit_type;
    Py_ssize_t prose_words;
    double stop_share, label, debris_score;
    if (!PyArg_ParseTuple(args, "O!O!OOSSO(nddd):score_units", &PyList_Type, &raw, &PyList_Type,
                          &counts, &debris, &stop, &words_table, &cjk_table, &unit_type,
                          &prose_words, &stop_share, &label, &debris_score))
        return NULL;
    if (PyBytes_GET_SIZE(words_table) != 0x10000 || PyBytes_GET_SIZE(cjk_table) != 0x10000) {
        PyErr_SetString(PyExc_ValueError, "the tables must have 65536 bytes");
        return NULL;
    }
    if (!PyType_Check(unit_type) || !PyType_IsSubtype((PyTypeObject *)unit_type, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "the unit type must be a tuple type");
        return NULL;
    }
    if (PyList_GET_SIZE(counts) != PyList_GET_SIZE(raw)) {
        PyErr_SetString(PyExc_ValueError, "one count for each unit");
        return NULL;
    }
    const unsigned char *table = (const unsigned char *)PyBytes_AS_STRING(words_table);
    const unsigned char *cjk = (const unsigned char *)PyBytes_AS_STRING(cjk_table);
    PyTypeObject *type = (PyTypeObject *)unit_type;
    Py_ssize_t n = PyList_GET_SIZE(raw);
    PyObject *out = PyList_New(n);
    if (out == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *unit = PyList_GET_ITEM(raw, k);
        if (!PyTuple_Check(unit) || PyTuple_GET_SIZE(unit) != 6
            || !PyUnicode_Check(PyTuple_GET_ITEM(unit, 2))) {
            PyErr_SetString(PyExc_TypeError, "a raw unit must be a tuple of six");
            goto error;
        }
        PyObject *first = PyTuple_GET_ITEM(unit, 0), *text = PyTuple_GET_ITEM(unit, 2);
        double share = PyFloat_AsDouble(PyTuple_GET_ITEM(unit, 3));
        Py_ssize_t words = PyLong_AsSsize_t(PyList_GET_ITEM(counts, k));
        int ends = PyObject_IsTrue(PyTuple_GET_ITEM(unit, 5));
        if ((share == -1.0 || words == -1) && PyErr_Occurred())
            goto error;
        if (ends < 0)
            goto error;
        if (PyUnicode_KIND(text) == PyUnicode_4BYTE_KIND) {
            Py_INCREF(Py_None);
            PyList_SET_ITEM(out, k, Py_None);
            continue;
        }
        if (!PyUnicode_IS_ASCII(text)) {  /* CJK characters count half a word each */
            int kind = PyUnicode_KIND(text);
            const void *data = PyUnicode_DATA(text);
            Py_ssize_t c = 0;
            for (Py_ssize_t i = 0, m = PyUnicode_GET_LENGTH(text); i < m; i++)
                c += cjk[PyUnicode_READ(kind, data, i)];
            words += c / 2;
        }
        int ruled = PySequence_Contains(debris, first);
        if (ruled < 0)
            goto error;
        int prose = 0;
        if (!ruled && words >= prose_words && share < 0.5) {
            /* The share of stop words that makes prose: a fifth with an end mark, 1.5
             * times that in a unit twice as long without one. */
            double need = ends ? stop_share : words >= 2 * prose_words ? 1.5 * stop_share : -1.0;
            if (need >= 0.0) {
                prose = stop == Py_None ? 1 : stop_share_reaches(text, table, stop, need);
                if (prose < 0)
                    goto error;
                if (prose == 2) {  /* lower-cased beyond the plane: Python scores it */
                    Py_INCREF(Py_None);
                    PyList_SET_ITEM(out, k, Py_None);
                    continue;
                }
            }
        }
        double score;
        if (ruled)
            score = debris_score;
        else if (prose)
            score = (double)words;
        else if (ends && share < 0.5 && words >= 3)
            score = 0.0;
        else
            score = label;
        PyObject *item = type->tp_alloc(type, 6);
        if (item == NULL)
            goto error;
        PyObject *values[6] = {first, PyTuple_GET_ITEM(unit, 1), PyLong_FromSsize_t(words),
                               PyTuple_GET_ITEM(unit, 3), PyFloat_FromDouble(score), text};
        if (values[2] == NULL || values[4] == NULL) {
            Py_XDECREF(values[2]);
            Py_XDECREF(values[4]);
            Py_DECREF(item);
            goto error;
        }
        for (int j = 0; j < 6; j++) {
            if (j != 2 && j != 4)
                Py_INCREF(values[j]);
            PyTuple_SET_ITEM(item, j, values[j]);
        }
        PyList_SET_ITEM(out, k, item);
    }
    return out;
error:
    Py_DECREF(out);
    return NULL;
}

static PyObject *
language_hits(PyObject *self, PyObject *args)
{
    PyObject *words, *index;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "O!O!n:language_hits", &PyList_Type, &words, &PyDict_Type,
                          &index, &n))
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must not be negative");
        return NULL;
    }
    Py_ssize_t *hits = PyMem_Calloc(n > 0 ? n : 1, sizeof(Py_ssize_t));
    if (hits == NULL)
        return PyErr_NoMemory();
    PyObject *out = NULL;
    for (Py_ssize_t i = 0, m = PyList_GET_SIZE(words); i < m; i++) {
        PyObject *found = PyDict_GetItemWithError(index, PyList_GET_ITEM(words, i));
        if (found == NULL) {
            if (PyErr_Occurred())
                goto done;
            continue;
        }
        if (!PyBytes_Check(found)) {
            PyErr_SetString(PyExc_TypeError, "the index must map words to bytes");
            goto done;
        }
        const unsigned char *langs = (const unsigned char *)PyBytes_AS_STRING(found);
        for (Py_ssize_t j = 0, k = PyBytes_GET_SIZE(found); j < k; j++) {
            if (langs[j] >= n) {
                PyErr_SetString(PyExc_IndexError, "a language number out of range");
                goto done;
            }
            hits[langs[j]]++;
        }
    }
    out = PyList_New(n);
    if (out == NULL)
        goto done;
    for (Py_ssize_t j = 0; j < n; j++) {
        PyObject *v = PyLong_FromSsize_t(hits[j]);
        if (v == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, j, v);
    }
done:
    PyMem_Free(hits);
    return out;
}

static PyMethodDef methods[] = {
    {"visible", py_visible, METH_O, "visible(line): (the text a reader sees, its link characters)"},
    {"words_of", py_words_of, METH_VARARGS,
     "words_of(text, table): the lower-cased words of a text (None: beyond the BMP)"},
    {"score_units", score_units, METH_VARARGS,
     "score_units(raw, counts, debris, stop, words, cjk, unit, limits): each unit scored"},
    {"language_hits", language_hits, METH_VARARGS,
     "language_hits(words, index, n): for each of n languages, how many of the words "
     "its stop list holds (index: word -> the numbers of its languages, as bytes)"},
    {"raw_units", raw_units, METH_VARARGS,
     "raw_units(lines, wrap, wrap_min, closers, ends, table): the units of a text"},
    {"short_lines", short_lines, METH_VARARGS,
     "short_lines(lines, short): (short lines, lines that are not blank)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "boilerstrip._page", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit__page(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    /* The interface's version: a build of an older source is not used (page.py). */
    if (PyModule_AddIntConstant(m, "VERSION", 3) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
