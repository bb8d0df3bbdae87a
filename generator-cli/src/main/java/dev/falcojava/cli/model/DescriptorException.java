package dev.falcojava.cli.model;

import java.util.List;
import java.util.stream.Collectors;

/** A descriptor that cannot be used, with every problem found in it. */
public final class DescriptorException extends Exception {

    private final List<DescriptorProblem> problems;

    public DescriptorException(List<DescriptorProblem> problems) {
        super(problems.stream().map(DescriptorProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<DescriptorProblem> problems() {
        return problems;
    }
}
