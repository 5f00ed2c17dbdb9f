package dev.articlechat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The commands of the docs' shell blocks ({@code ```sh}, {@code ```bash}, {@code ```shell}), split into words as a
 * POSIX shell splits them, so that tests can check what a reader would type: quotes, {@code \} line continuations,
 * comments, {@code $(…)}, {@code &&}, {@code ;} and {@code |} between commands. Variable assignments before a
 * command ({@code ADMIN_TOKEN=… java …}) are left out of its words; redirections and their targets too. Nothing is
 * expanded: {@code $ADMIN_TOKEN} stays as written.
 */
public final class ShellBlocks {

    /** One simple command: where it starts in which file, and its words. */
    public record Command(Path file, int line, List<String> words) {

        public String program() {
            return words.isEmpty() ? "" : words.get(0);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + String.join(" ", words);
        }
    }

    private static final Pattern FENCE_OPEN = Pattern.compile("^\\s*```(sh|bash|shell)\\s*$");
    private static final Pattern FENCE_CLOSE = Pattern.compile("^\\s*```\\s*$");
    private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    private ShellBlocks() {
    }

    /** The project's docs: the README, CONTRIBUTING.md and every Markdown file in {@code docs/}. */
    public static List<Path> docs() {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** Every command of every shell block in {@code files}. */
    public static List<Command> commands(List<Path> files) {
        List<Command> commands = new ArrayList<>();
        for (Path file : files) {
            commands.addAll(commands(file));
        }
        return commands;
    }

    public static List<Command> commands(Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Command> commands = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE_OPEN.matcher(lines.get(i)).matches()) {
                continue;
            }
            int first = i + 1;
            StringBuilder block = new StringBuilder();
            for (i = first; i < lines.size() && !FENCE_CLOSE.matcher(lines.get(i)).matches(); i++) {
                block.append(lines.get(i).strip()).append('\n');
            }
            commands.addAll(new Splitter(markdown, first + 1, block.toString()).commands());
        }
        return commands;
    }

    /** Splits one block's text into commands and words. */
    private static final class Splitter {

        private final Path file;
        private final String text;
        private final List<Command> commands = new ArrayList<>();
        private List<String> words = new ArrayList<>();
        private StringBuilder word;
        private int line;
        private int commandLine;
        private boolean skipNextWord;

        Splitter(Path file, int firstLine, String text) {
            this.file = file;
            this.text = text;
            this.line = firstLine;
        }

        List<Command> commands() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                    line++;
                    endWord();
                } else if (c == '\n') {
                    endCommand();
                    line++;
                } else if (c == ' ' || c == '\t') {
                    endWord();
                } else if (c == '#' && word == null) {
                    while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                        i++;
                    }
                } else if (c == ';' || c == '&' || c == '|') {
                    endCommand();
                } else if (c == '>' || c == '<') {
                    endWord();
                    skipNextWord = true;
                } else if (c == '\'') {
                    int end = text.indexOf('\'', i + 1);
                    String quoted = text.substring(i + 1, end < 0 ? text.length() : end);
                    append(quoted);
                    line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                    i = end < 0 ? text.length() : end;
                } else if (c == '"') {
                    i = doubleQuoted(i + 1);
                } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '(') {
                    i = substitution(i);
                } else if (c == '\\' && i + 1 < text.length()) {
                    append(String.valueOf(text.charAt(++i)));
                } else {
                    append(String.valueOf(c));
                }
            }
            endCommand();
            return commands;
        }

        /** A double-quoted part starting after its quote; returns the index of its closing quote. */
        private int doubleQuoted(int from) {
            StringBuilder part = new StringBuilder();
            int i = from;
            for (; i < text.length() && text.charAt(i) != '"'; i++) {
                char c = text.charAt(i);
                if (c == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                    c = text.charAt(++i);
                }
                if (c == '\n') {
                    line++;
                }
                part.append(c);
            }
            append(part.toString());
            return i;
        }

        /** {@code $(…)} kept as written, nested parentheses included; returns the index of its closing one. */
        private int substitution(int from) {
            int depth = 0;
            int i = from + 1;
            for (; i < text.length(); i++) {
                if (text.charAt(i) == '(') {
                    depth++;
                } else if (text.charAt(i) == ')' && --depth == 0) {
                    break;
                }
            }
            append(text.substring(from, Math.min(i + 1, text.length())));
            return i;
        }

        private void append(String s) {
            if (word == null) {
                word = new StringBuilder();
                if (words.isEmpty()) {
                    commandLine = line;
                }
            }
            word.append(s);
        }

        private void endWord() {
            if (word == null) {
                return;
            }
            String w = word.toString();
            word = null;
            if (skipNextWord) {
                skipNextWord = false;
            } else if (!(words.isEmpty() && ASSIGNMENT.matcher(w).matches())) {
                words.add(w);
            }
        }

        private void endCommand() {
            endWord();
            skipNextWord = false;
            if (!words.isEmpty()) {
                commands.add(new Command(file, commandLine, List.copyOf(words)));
            }
            words = new ArrayList<>();
        }
    }
}
