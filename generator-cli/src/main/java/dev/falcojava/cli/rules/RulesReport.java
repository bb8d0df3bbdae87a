package dev.falcojava.cli.rules;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What checking rules files found.
 *
 * @param files    the files checked, in load order
 * @param findings errors, warnings and notes, each with its position
 */
public record RulesReport(List<Path> files, List<Finding> findings) {

    public RulesReport {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** Whether Falco would refuse the files. */
    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /**
     * Prints errors and warnings on {@code err}, notes and the summary on {@code out} (the summary on {@code err}
     * when there are errors).
     */
    public void print(PrintWriter out, PrintWriter err, boolean notes) {
        for (Finding finding : findings) {
            if (finding.severity() == Severity.NOTE) {
                if (notes) {
                    out.println(finding);
                }
            } else {
                err.println(finding);
            }
        }
        (hasErrors() ? err : out).println(summary());
        out.flush();
        err.flush();
    }

    /** One line: how many files, errors and warnings. */
    public String summary() {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        long notes = count(Severity.NOTE);
        String checked = files.size() == 1 ? files.getFirst().toString() : files.size() + " rules files";
        if (errors == 0 && warnings == 0) {
            return checked + ": rules ok" + (notes == 0 ? "" : " (" + plural(notes, "field") + " of other plugins or "
                    + "builds not checked)");
        }
        return checked + ": " + plural(errors, "error") + ", " + plural(warnings, "warning")
                + (errors > 0 ? "; Falco would refuse to load these rules" : "; Falco loads them with warnings");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
