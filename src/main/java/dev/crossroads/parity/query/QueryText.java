package dev.crossroads.parity.query;

import org.antlr.v4.runtime.Token;

/**
 * The query as typed, for error positions. ANTLR counts code points, callers count Java chars; they differ only
 * after a character outside the BMP (an emoji), so the conversion is skipped when there is none.
 */
record QueryText(String text, boolean bmpOnly) {

    QueryText(String text) {
        this(text, text.codePointCount(0, text.length()) == text.length());
    }

    /** The char offset where the token starts; the text's length for EOF. */
    int offset(Token token) {
        return offset(token.getStartIndex());
    }

    /** The char offset of a code point index, clamped to the text. */
    int offset(int codePointIndex) {
        int codePoints = Math.max(0, codePointIndex);
        if (bmpOnly) {
            return Math.min(codePoints, text.length());
        }
        int total = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.min(codePoints, total));
    }

    QuerySyntaxException error(Token at, String problem, String expected) {
        return new QuerySyntaxException(offset(at), problem, expected);
    }
}
