package dev.falcojava.cli.installation;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The local Maven repository that {@code mvn} uses, found as Maven finds it: {@code -Dmaven.repo.local} in
 * {@code MAVEN_OPTS} or {@code MAVEN_ARGS}, else {@code <localRepository>} of the user's {@code .m2/settings.xml}, else
 * {@code .m2/repository}, both in the user home ({@code -Duser.home} in {@code MAVEN_OPTS}, else Java's).
 */
public record LocalRepository(Path path) {

    /** The repository of {@code mvn} run with {@code environment} by a user whose home is {@code userHome}. */
    public static LocalRepository find(Map<String, String> environment, Path userHome) throws InstallException {
        Optional<String> explicit = option(environment, "maven.repo.local");
        if (explicit.isPresent()) {
            return new LocalRepository(Path.of(explicit.get()).toAbsolutePath().normalize());
        }
        Path home = option(environment, "user.home").map(Path::of).orElse(userHome);
        Path settings = home.resolve(".m2/settings.xml");
        Optional<String> configured = Files.isRegularFile(settings) ? localRepository(settings) : Optional.empty();
        return new LocalRepository(configured.map(value -> value.replace("${user.home}", home.toString())).map(Path::of)
                .orElse(home.resolve(".m2/repository")).toAbsolutePath().normalize());
    }

    /** The value of {@code -Dname=value} in {@code MAVEN_ARGS} or, taking precedence as Maven's JVM sees it first, {@code MAVEN_OPTS}. */
    private static Optional<String> option(Map<String, String> environment, String name) {
        String prefix = "-D" + name + "=";
        for (String variable : new String[] {"MAVEN_OPTS", "MAVEN_ARGS"}) {
            Optional<String> value = Arrays.stream(environment.getOrDefault(variable, "").trim().split("\\s+"))
                    .filter(token -> token.startsWith(prefix) && token.length() > prefix.length())
                    .map(token -> token.substring(prefix.length())).reduce((first, last) -> last);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> localRepository(Path settings) throws InstallException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(settings.toFile());
            NodeList nodes = document.getDocumentElement().getElementsByTagNameNS("*", "localRepository");
            if (nodes.getLength() == 0 || nodes.item(0).getParentNode() != document.getDocumentElement()) {
                return Optional.empty();
            }
            String value = nodes.item(0).getTextContent().strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new InstallException("cannot read " + settings + " for its localRepository: " + e.getMessage());
        }
    }
}
