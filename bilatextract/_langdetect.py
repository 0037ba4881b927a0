"""langdetect's detector, read faster, with the same answers.

langdetect (1.0.9) spends most of a call in per-character Python: it copies the text one
character at a time, normalises every character with a binary search over Unicode blocks, and
runs an n-gram state machine over the whole text; then, in its sampling loop, it updates 55
probabilities with an index loop. :class:`FastDetector` overrides exactly those steps:

- the character normalisation is langdetect's own ``NGram.normalize``, computed once per
  distinct character and applied with ``str.translate``;
- the n-gram state machine resets at every space, so the n-grams of a text are those of its
  space-separated words in order: they are computed once per distinct word (memoised, since
  vocabularies are Zipfian) by the same state machine;
- the sampling loop multiplies the 55 language probabilities as one NumPy array: element-wise
  products and quotients of doubles round as Python's do; the one sum stays Python's ``sum``
  over the same floats in the same order, and the maximum of the quotients is the quotient of
  the maximum (correctly rounded division by a positive number keeps the order).

The random draws, the n-gram list handed to them and every float operation are those of the
original, so the probabilities are identical (``tests/test_routing.py`` compares both detectors).
"""

from __future__ import annotations

import math
import random
import re
from itertools import chain
from operator import itemgetter

import numpy as np
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

from ._memo import MEMO_LIMIT

#: Normalised character of each code point met so far (``str.translate`` table).
_NORMALIZED: dict[int, str] = {}
#: Per raw (not normalised) space-separated word: its n-grams; and those followed by the n-grams
#: the space after it adds.
_WORD_NGRAMS: dict[str, list[str]] = {}
_SPACED_WORD_NGRAMS: dict[str, list[str]] = {}
#: Per n-gram: its per-language probabilities as an array (of the map in ``_memo_owner``).
_NGRAM_ARRAYS: dict[str, np.ndarray] = {}
#: The same as rows of one array, for the sampling loop (see :class:`_NgramTable`).
_TABLE: list[_NgramTable] = []
#: The word-to-probabilities map the memoised n-grams were filtered against.
_memo_owner: list[object] = [None]

#: Basic Latin letters counted for a quick lower bound on a text's number of them.
_COMMON_LETTERS = "aeinorstAEINORST"

_SPACE_RUN = re.compile(" {2,}")
_BASIC_LATIN_LETTERISH = re.compile("[A-z]")


def _normalization_table(text: str) -> dict[int, str]:
    """The translate table, extended by the characters of ``text`` not seen before."""
    if len(_NORMALIZED) > MEMO_LIMIT:
        _NORMALIZED.clear()
    for ch in set(text):
        code = ord(ch)
        if code not in _NORMALIZED:
            _NORMALIZED[code] = NGram.normalize(ch)
    return _NORMALIZED


def _word_ngrams(word: str, known: dict[str, list[float]]) -> tuple[list[str], list[str]]:
    """The n-grams langdetect's ``NGram`` yields for ``word`` (normalised, no spaces) read right
    after a space, and those the following space adds, both kept only where ``known``."""
    grams = " "
    capitalword = False
    found: list[str] = []
    for ch in word:
        last = grams[-1]
        if len(grams) >= NGram.N_GRAM:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capitalword = True
        else:
            capitalword = False
        if capitalword:
            continue
        for n in range(1, min(len(grams), NGram.N_GRAM) + 1):
            w = grams[-n:]
            if w in known:
                found.append(w)
    if len(grams) >= NGram.N_GRAM:
        grams = grams[1:]
    grams += " "
    tail = [w for n, w in ((2, grams[-2:]), (3, grams[-3:])) if len(grams) >= n and w in known]
    return found, tail


def _memoise_word(word: str, known: dict[str, list[float]]) -> None:
    """Memoise the n-grams of the raw (not normalised) ``word``, without and with the space after
    it: the n-grams of the words its normalised form splits into (a space after every one but
    the last), those of the last one without and with its space after it."""
    found: list[str] = []
    spaced: list[str] = []
    for piece in word.translate(_normalization_table(word)).split(" "):
        found = spaced.copy()
        if piece:
            head, tail = _word_ngrams(piece, known)
            found += head
            spaced += head
            spaced += tail
    _WORD_NGRAMS[word] = found
    _SPACED_WORD_NGRAMS[word] = spaced


def _keeps_basic_latin(text: str) -> bool:
    """Whether langdetect's ``cleaning_text`` certainly leaves ``text`` as it is: it drops the basic
    Latin letters where they are fewer than half the non-Latin characters (all beyond U+02FF,
    so at most those beyond U+00FF), and some letters counted give a lower bound on the first."""
    beyond_latin1 = len(text) - len(text.encode("latin-1", "ignore"))
    return beyond_latin1 == 0 or 2 * sum(map(text.count, _COMMON_LETTERS)) >= beyond_latin1


class FastDetector(Detector):  # type: ignore[misc]
    """langdetect's ``Detector`` with its per-character steps done per distinct character and
    word; same n-grams, same random draws, same probabilities."""

    def __init__(self, factory) -> None:  # type: ignore[no-untyped-def]
        # Detector.__init__, except that its random.Random() (seeded from the operating system,
        # which costs more than the rest of a short call) is only made where it is used.
        self.word_lang_prob_map = factory.word_lang_prob_map
        self.langlist = factory.langlist
        self.seed = factory.seed
        self._random: random.Random | None = None
        self.text = ""
        self.langprob = None
        self.alpha = self.ALPHA_DEFAULT
        self.n_trial = 7
        self.max_text_length = 10000
        self.prior_map = None
        self.verbose = False

    @property
    def random(self) -> random.Random:
        if self._random is None:
            self._random = random.Random()
        return self._random

    @random.setter
    def random(self, value: random.Random) -> None:
        self._random = value

    def append(self, text: str) -> None:
        # Each pattern needs its literal ("http", "@"): where the text has none, it cannot match.
        if "http" in text:
            text = self.URL_RE.sub(" ", text)
        if "@" in text:
            text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        # The original copies at most max_text_length characters, dropping a space after a space.
        self.text += _SPACE_RUN.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        if _keeps_basic_latin(self.text):
            return
        # langdetect counts the characters from "A" to "z", and those from U+0300 on whose
        # Unicode block is not "Latin Extended Additional": its unicode_block() gives block
        # numbers, never that name, so those are all the characters from U+0300 on.
        codes = np.frombuffer(self.text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        latin_count = int(np.count_nonzero((codes >= 0x41) & (codes <= 0x7A)))
        non_latin_count = int(np.count_nonzero(codes >= 0x300))
        if latin_count * 2 < non_latin_count:
            self.text = _BASIC_LATIN_LETTERISH.sub("", self.text)

    def _extract_ngrams(self) -> list[str]:
        known = self.word_lang_prob_map
        if (_memo_owner[0] is not known or len(_WORD_NGRAMS) > MEMO_LIMIT or len(_NGRAM_ARRAYS) > MEMO_LIMIT
                or sum(map(len, _TABLE)) > MEMO_LIMIT):
            _WORD_NGRAMS.clear()
            _SPACED_WORD_NGRAMS.clear()
            _NGRAM_ARRAYS.clear()
            _TABLE.clear()
            _memo_owner[0] = known
        # Normalising maps each character to one character and keeps spaces, so the normalised
        # words of the text are those of its raw space-separated words, in order: memoised per raw word.
        words = self.text.split(" ")
        for word in set(words).difference(_WORD_NGRAMS):
            _memoise_word(word, known)
        # Every word yields its n-grams and those of the space after it, except the last word.
        result = list(chain.from_iterable(map(_SPACED_WORD_NGRAMS.__getitem__, words[:-1])))
        result += _WORD_NGRAMS[words[-1]]
        return result

    def _detect_block(self) -> None:
        if self.verbose or self.seed is None:
            super()._detect_block()
            return
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        if len(ngrams).bit_length() > 32:  # pragma: no cover - a draw would take two words
            self._sample_with_random(ngrams)
            return
        if not _TABLE:
            _TABLE.append(_NgramTable(self.word_lang_prob_map, len(self.langlist)))
        table = _TABLE[0]
        self.langprob = [0.0] * len(self.langlist)
        # self.random.seed(self.seed), then its gauss and choice draws, read off its words.
        stream = _WordStream(self.seed)
        gauss_next: float | None = None
        n = len(ngrams)
        shift = 32 - n.bit_length()
        # Row 0 holds the probabilities before a group of iterations, rows 1.. their factors.
        block = np.empty((1 + _LAST_CHUNK, len(self.langlist)), dtype=np.float64)
        multiply = np.multiply.reduce
        for _ in range(self.n_trial):
            # random.gauss(0.0, 1.0): two random() values give two normal variates, the second kept.
            z = gauss_next
            gauss_next = None
            if z is None:
                x2pi = stream.random() * _TWOPI
                g2rad = math.sqrt(-2.0 * math.log(1.0 - stream.random()))
                z = math.cos(x2pi) * g2rad
                gauss_next = math.sin(x2pi) * g2rad
            alpha = self.alpha + (0.0 + z * 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            prob = np.array(self._init_probability(), dtype=np.float64)
            # Iterations run in groups that end where langdetect normalises (i % 5 == 0): [0],
            # [1..5], [6..10] ...; the draws of several groups are taken at once.
            next_i = 0  # langdetect's index of the next iteration
            chunk = _FIRST_CHUNK
            done = False
            while not done:
                # random.choice(ngrams) for the next ``chunk`` iterations: each draw is a word's top
                # bits, words of n or more drawn again (_randbelow); ``ends``: where each draw stops.
                draws, ends = stream.below(n, shift, chunk)
                # _update_lang_prob: prob[j] *= weight + lang_prob_map[j], a row of factors each.
                rows = list(map(table.__getitem__, itemgetter(*draws.tolist())(ngrams)))
                factors = block[1 : 1 + chunk]
                np.take(table.array, rows, axis=0, out=factors, mode="clip")
                factors += weight
                first = 1  # row of the group's first factor
                while first <= chunk:
                    size = 1 if next_i == 0 else 5
                    last = first + size - 1
                    # The products in langdetect's order: the previous probabilities times each
                    # factor row in turn (a reduction along the first axis multiplies row by row).
                    block[first - 1] = prob
                    prob = multiply(block[first - 1 : last + 1], axis=0)
                    i = next_i + size - 1  # the group's last iteration: a multiple of 5
                    next_i = i + 1
                    if _normalize(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        stream.at = int(ends[last - 1])  # later draws are the next trial's
                        done = True
                        break
                    first = last + 1
                else:
                    stream.at = int(ends[-1])
                chunk = _NEXT_CHUNK if chunk == _FIRST_CHUNK else min(2 * chunk, _LAST_CHUNK)
            for j, p in enumerate(prob.tolist()):
                self.langprob[j] += p / self.n_trial

    def _sample_with_random(self, ngrams: list[str]) -> None:  # pragma: no cover
        """The sampling loop with ``random.Random`` itself, for texts of 2**32 n-grams or more."""
        known = self.word_lang_prob_map
        self.langprob = [0.0] * len(self.langlist)
        self.random.seed(self.seed)
        for _ in range(self.n_trial):
            prob = np.array(self._init_probability(), dtype=np.float64)
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            i = 0
            while True:
                prob *= weight + _ngram_array(self.random.choice(ngrams), known)
                if i % 5 == 0:
                    if _normalize(prob) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                        break
                i += 1
            for j, p in enumerate(prob.tolist()):
                self.langprob[j] += p / self.n_trial


#: Iterations whose draws are taken at once: first (iteration 0 and three groups of five),
#: second, and at most (doubling in between); whole groups, so a chunk never ends inside one.
#: Most trials converge within a few dozen iterations; unused draws go back to the stream.
_FIRST_CHUNK = 16
_NEXT_CHUNK = 20
_LAST_CHUNK = 320
#: Outputs of the generator produced at a time, at least.
_STREAM_BLOCK = 4096
#: ``random``'s constant of the same name.
_TWOPI = 2.0 * math.pi


class _WordStream:
    """The 32-bit outputs of ``random.Random(seed)``, in order, read ahead in blocks.

    CPython's Mersenne Twister gives ``getrandbits(k)`` for k <= 32 as the top k bits of one
    output, ``random()`` from two outputs, and ``getrandbits(32 * m)`` as m outputs, the first
    in the lowest bits; so one big ``getrandbits`` call yields the outputs that the draws of the
    original loop would take one by one, and the draws can be read off them in bulk. The
    outputs of a seed are always the same: they are generated once per seed, shared by every
    stream of that seed, and extended when a stream reads past them.
    """

    def __init__(self, seed: object) -> None:
        shared = _SEEDED.get(seed)
        if shared is None:
            if len(_SEEDED) >= _MAX_SEEDS:
                _SEEDED.clear()
            shared = _SEEDED[seed] = _SeedOutputs(seed)
        self._shared = shared
        self._words = shared.words
        #: Index of the next unused output.
        self.at = 0

    def _ensure(self, count: int) -> None:
        if self.at + count > len(self._words):
            self._words = self._shared.extend(self.at + count)

    def random(self) -> float:
        """``random.Random.random()``: 53 bits from two outputs."""
        self._ensure(2)
        a, b = self._words[self.at : self.at + 2].tolist()
        self.at += 2
        return ((a >> 5) * 67108864.0 + (b >> 6)) * (1.0 / 9007199254740992.0)

    def below(self, n: int, shift: int, count: int) -> tuple[np.ndarray, np.ndarray]:
        """The next ``count`` values of ``_randbelow(n)`` (``shift``: 32 - n.bit_length()), and
        for each the index just past the output it used. Does not move :attr:`at`: the caller
        sets it past the last draw it used."""
        # Each output is taken with probability above 1/2: twice the count, and more if short.
        want = 2 * count + 16
        while True:
            self._ensure(want)
            tops = self._words[self.at : self.at + want] >> shift
            taken = np.flatnonzero(tops < n)
            if len(taken) >= count:
                taken = taken[:count]
                return tops[taken], taken + (self.at + 1)
            want *= 2


class _SeedOutputs:
    """The outputs of ``random.Random(seed)`` generated so far, and the generator that goes on."""

    def __init__(self, seed: object) -> None:
        self._random = random.Random(seed)
        self.words = np.empty(0, dtype=np.uint32)
        self.extend(_STREAM_BLOCK)

    def extend(self, count: int) -> np.ndarray:
        """At least the first ``count`` outputs."""
        missing = count - len(self.words)
        if missing > 0:
            m = max(missing, len(self.words), _STREAM_BLOCK)
            fresh = np.frombuffer(self._random.getrandbits(32 * m).to_bytes(4 * m, "little"), dtype="<u4")
            self.words = np.concatenate((self.words, fresh))
        return self.words


#: Outputs per seed (langdetect's factory has one seed; a few are kept).
_SEEDED: dict[object, _SeedOutputs] = {}
_MAX_SEEDS = 8


class _NgramTable(dict[str, int]):
    """The row of each n-gram met so far in :attr:`array`, which holds its per-language
    probabilities (``known[ngram]``): the factors of a group of iterations are one ``take``."""

    def __init__(self, known: dict[str, list[float]], width: int) -> None:
        super().__init__()
        self._known = known
        self.array = np.empty((256, width), dtype=np.float64)

    def __missing__(self, ngram: str) -> int:
        row = len(self)
        if row == len(self.array):
            self.array = np.concatenate((self.array, np.empty_like(self.array)))
        self.array[row] = self._known[ngram]
        self[ngram] = row
        return row


def _ngram_array(ngram: str, known: dict[str, list[float]]) -> np.ndarray:
    """The per-language probabilities of ``ngram`` (one of ``known``) as an array, memoised."""
    array = _NGRAM_ARRAYS.get(ngram)
    if array is None:
        array = _NGRAM_ARRAYS[ngram] = np.array(known[ngram], dtype=np.float64)
    return array


def _normalize(prob: np.ndarray) -> float:
    """langdetect's ``_normalize_prob`` on an array: divide by the sum, return the largest."""
    values = prob.tolist()
    total = sum(values)
    if total == 0.0:
        raise ZeroDivisionError("float division by zero")
    prob /= total
    return max(0.0, max(values) / total)
