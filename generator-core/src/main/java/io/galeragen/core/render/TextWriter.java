package io.galeragen.core.render;

import java.io.Writer;

/** A Writer into a StringBuilder: StringWriter's StringBuffer synchronises every write, for one thread. */
final class TextWriter extends Writer {

    private final StringBuilder text;

    TextWriter(int capacity) {
        text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    int length() {
        return text.length();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
        return text.toString();
    }
}
