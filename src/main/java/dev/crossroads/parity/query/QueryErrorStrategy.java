package dev.crossroads.parity.query;

import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Stops at the first syntax error with a {@link QuerySyntaxException} saying, in words, what was expected there.
 * Like ANTLR's BailErrorStrategy it never recovers (a half-understood query would silently return wrong rows), but
 * instead of ANTLR's "mismatched input ... expecting {...}" it explains the error from the token before it: a
 * dangling {@code AND}, a {@code status:} with no value, a '(' never closed. Nothing reaches the error listeners,
 * so nothing prints to stderr.
 */
final class QueryErrorStrategy extends DefaultErrorStrategy {

    private final QueryText text;

    QueryErrorStrategy(QueryText text) {
        this.text = text;
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : parser.getCurrentToken();
        throw explain(parser.getInputStream(), offending);
    }

    @Override
    public void recover(Parser parser, RecognitionException e) {
        throw explain(parser.getInputStream(), parser.getCurrentToken());
    }

    @Override
    public Token recoverInline(Parser parser) {
        throw explain(parser.getInputStream(), parser.getCurrentToken());
    }

    /** No single-token deletion or insertion: the mismatch is reported where the rule fails. */
    @Override
    public void sync(Parser parser) {
    }

    private QuerySyntaxException explain(TokenStream tokens, Token offending) {
        int index = offending.getTokenIndex();
        Token prev = index > 0 ? tokens.get(index - 1) : null;
        Token beforePrev = index > 1 ? tokens.get(index - 2) : null;
        int type = offending.getType();
        boolean operator = type == FeatureSearchLexer.AND || type == FeatureSearchLexer.OR;
        if (prev == null && operator) {
            return text.error(offending, null, "a search term before '" + offending.getText() + "'");
        }
        if (prev != null) {
            switch (prev.getType()) {
                case FeatureSearchLexer.COLON:
                    return text.error(offending, null, "a value after '" + textOf(beforePrev) + ":'");
                case FeatureSearchLexer.EQ:
                    return text.error(offending, null, "a status after '" + textOf(beforePrev) + "='");
                case FeatureSearchLexer.AND, FeatureSearchLexer.OR, FeatureSearchLexer.MINUS:
                    return text.error(offending, null, "a search term after '" + prev.getText() + "'");
                case FeatureSearchLexer.MISSING_IN_ONE_OF:
                    return text.error(offending, null, "'(' after '" + prev.getText() + "'");
                case FeatureSearchLexer.COMMA:
                    return text.error(offending, null, "a language after ','");
                case FeatureSearchLexer.LPAREN:
                    return beforePrev != null && beforePrev.getType() == FeatureSearchLexer.MISSING_IN_ONE_OF
                            ? text.error(offending, null, "a language after '" + beforePrev.getText() + "('")
                            : text.error(offending, null, "a search term after '('");
                default:
                    break;
            }
        }
        // After a complete term: the problem is what follows it, which depends on the open parentheses.
        Token open = innermostOpenParen(tokens, index);
        if (open != null && open.getTokenIndex() > 0
                && tokens.get(open.getTokenIndex() - 1).getType() == FeatureSearchLexer.MISSING_IN_ONE_OF) {
            return text.error(offending, null, "',' or ')' after '" + prev.getText() + "'");
        }
        if (type == Token.EOF && open != null) {
            return text.error(offending, null, "')' to close the '(' at " + text.offset(open));
        }
        if (type == FeatureSearchLexer.RPAREN && open == null) {
            return text.error(offending, "')' without a matching '('",
                    "a search term, AND, OR or the end of the query");
        }
        return text.error(offending, "unexpected '" + offending.getText() + "'",
                open == null ? "a search term, AND, OR or the end of the query" : "a search term, AND, OR or ')'");
    }

    private static String textOf(Token token) {
        return token == null ? "" : token.getText();
    }

    /** The '(' still open just before {@code index}, or null. */
    private static Token innermostOpenParen(TokenStream tokens, int index) {
        Deque<Token> open = new ArrayDeque<>();
        for (int i = 0; i < index; i++) {
            Token t = tokens.get(i);
            if (t.getType() == FeatureSearchLexer.LPAREN) {
                open.push(t);
            } else if (t.getType() == FeatureSearchLexer.RPAREN && !open.isEmpty()) {
                open.pop();
            }
        }
        return open.peek();
    }
}
