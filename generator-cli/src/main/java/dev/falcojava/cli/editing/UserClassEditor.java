package dev.falcojava.cli.editing;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;

import java.util.stream.Collectors;

/**
 * Adds members to the user's plugin class without touching a character of what is there: JavaParser parses the
 * class and finds where the new member and import go, and the rendered text is inserted at those positions, so
 * every comment, blank line and formatting stays as the user wrote it.
 */
public final class UserClassEditor {

    private static final ParserConfiguration CONFIGURATION = new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21);

    private UserClassEditor() {
    }

    /**
     * {@code source} with {@code method} (the rendered text of one or more members, methods or fields, with their
     * indentation) inserted before the closing brace of class {@code className}, and the imports {@code importNames}
     * added when missing.
     *
     * @throws EditException when the source cannot be parsed (with the position), the class is missing, or a method of
     *                       or field of the same name exists already
     */
    public static String addMethod(String source, String file, String className, String method, String... importNames)
            throws EditException {
        JavaParser parser = new JavaParser(CONFIGURATION);
        ParseResult<CompilationUnit> parsed = parser.parse(source);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            throw new EditException(file + " cannot be parsed, so it was not changed: " + parsed.getProblems().stream()
                    .map(UserClassEditor::describe).collect(Collectors.joining("; ")));
        }
        CompilationUnit unit = parsed.getResult().get();
        ClassOrInterfaceDeclaration type = unit.getClassByName(className)
                .orElseThrow(() -> new EditException(file + " has no class " + className + "; nothing was changed"));
        CompilationUnit wrapper = parser.parse("class Members {\n" + method + "\n}").getResult()
                .orElseThrow(() -> new IllegalStateException("the member template does not parse: " + method));
        for (BodyDeclaration<?> member : wrapper.getType(0).getMembers()) {
            String name = member instanceof MethodDeclaration m ? m.getNameAsString()
                    : member instanceof FieldDeclaration f ? f.getVariable(0).getNameAsString() : null;
            boolean exists = member instanceof MethodDeclaration
                    ? !type.getMethodsByName(name).isEmpty() : name != null && type.getFieldByName(name).isPresent();
            if (exists) {
                throw new EditException(className + " already has a " + (member instanceof MethodDeclaration ? "method " : "field ")
                        + name + "; nothing was changed");
            }
        }
        int closingBrace = offset(source, end(type));
        String edited = withMethodSpacing(source.substring(0, closingBrace), method) + source.substring(closingBrace);
        for (String importName : importNames) {
            if (importName != null) {
                edited = withImport(edited, parser, importName);
            }
        }
        return edited;
    }

    private static String withImport(String source, JavaParser parser, String importName) {
        CompilationUnit unit = parser.parse(source).getResult()
                .orElseThrow(() -> new IllegalStateException("an edited class does not parse"));
        boolean imported = unit.getImports().stream().map(ImportDeclaration::getNameAsString).anyMatch(importName::equals)
                || unit.getPackageDeclaration().map(p -> importName.equals(p.getNameAsString() + "." + simpleName(importName))).orElse(false);
        if (imported) {
            return source;
        }
        int importAt = unit.getImports().isEmpty()
                ? unit.getPackageDeclaration().map(p -> lineAfter(source, offset(source, end(p)))).orElse(0)
                : lineAfter(source, offset(source, end(unit.getImports().get(unit.getImports().size() - 1))));
        String importLine = (unit.getImports().isEmpty() ? "\n" : "") + "import " + importName + ";\n";
        return source.substring(0, importAt) + importLine + source.substring(importAt);
    }

    /** The class text up to its closing brace, with the method appended after one blank line. */
    private static String withMethodSpacing(String beforeBrace, String method) {
        String trimmed = beforeBrace.stripTrailing();
        String members = method.stripTrailing();
        while (members.startsWith("\n")) {
            members = members.substring(1);
        }
        return trimmed + "\n\n" + members + "\n";
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static Position end(Node node) {
        return node.getEnd().orElseThrow(() -> new IllegalStateException("a parsed node has no position"));
    }

    /** The index in {@code text} of a 1-based line and column. */
    private static int offset(String text, Position position) {
        int index = 0;
        for (int line = 1; line < position.line; line++) {
            index = text.indexOf('\n', index) + 1;
        }
        return index + position.column - 1;
    }

    /** The index of the start of the line after the one holding {@code index}. */
    private static int lineAfter(String text, int index) {
        int newline = text.indexOf('\n', index);
        return newline < 0 ? text.length() : newline + 1;
    }

    private static String describe(Problem problem) {
        return problem.getLocation().flatMap(location -> location.getBegin().getRange())
                .map(range -> "line " + range.begin.line + ", column " + range.begin.column + ": ").orElse("")
                + problem.getMessage().lines().findFirst().orElse("").replaceFirst(",? expected one of .*", "");
    }
}
