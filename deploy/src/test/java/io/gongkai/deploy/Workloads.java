package io.gongkai.deploy;

import static io.gongkai.deploy.Manifests.at;
import static io.gongkai.deploy.Manifests.map;
import static io.gongkai.deploy.Manifests.maps;
import static io.gongkai.deploy.Manifests.name;
import static io.gongkai.deploy.Manifests.str;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Deployments of the rendered overlay as the services see them: each container's environment (env and
 * envFrom, resolved against the rendered ConfigMaps and Secrets) and where every reference points.
 */
final class Workloads {

    /** Secret keys the MongoDB Community Operator writes into a user's connection string Secret. */
    static final Set<String> CONNECTION_STRING_KEYS =
            Set.of("connectionString.standard", "connectionString.standardSrv", "username", "password");

    /** One environment variable of a container: its value when it is known (a ConfigMap, a literal). */
    record Variable(String name, String value, String source) {
    }

    private final Manifests manifests;

    Workloads(Manifests manifests) {
        this.manifests = manifests;
    }

    static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(deployment, "spec", "template", "spec");
    }

    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return maps(deployment, "spec", "template", "spec", "containers");
    }

    /** The keys of a rendered ConfigMap or Secret (data, binaryData, stringData), or null when it is absent. */
    Map<String, String> keys(String kind, String name) {
        var resource = manifests.find(kind, name);
        if (resource.isEmpty()) {
            return kind.equals("Secret") ? operatorSecret(name) : null;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String field : List.of("data", "binaryData", "stringData")) {
            map(resource.get(), field).forEach((k, v) -> keys.put(k, decode(kind, field, String.valueOf(v))));
        }
        return keys;
    }

    private static String decode(String kind, String field, String value) {
        if (kind.equals("Secret") && field.equals("data")) {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        }
        return field.equals("binaryData") ? null : value;
    }

    /** A Secret that a rendered MongoDBCommunity makes for one of its users (connectionStringSecretName). */
    private Map<String, String> operatorSecret(String name) {
        for (var mongo : manifests.ofKind("MongoDBCommunity")) {
            for (var user : maps(mongo, "spec", "users")) {
                String secret = str(user, "connectionStringSecretName");
                if (secret == null) {
                    secret = name(mongo) + "-" + str(user, "db") + "-" + str(user, "name");
                }
                if (secret.equals(name)) {
                    Map<String, String> keys = new LinkedHashMap<>();
                    CONNECTION_STRING_KEYS.forEach(k -> keys.put(k, null));
                    return keys;
                }
            }
        }
        return null;
    }

    /** The MongoDBCommunity user whose connection string Secret is {@code secret}, if any. */
    Map<String, Object> mongoUserOf(String secret) {
        for (var mongo : manifests.ofKind("MongoDBCommunity")) {
            for (var user : maps(mongo, "spec", "users")) {
                if (secret.equals(str(user, "connectionStringSecretName"))) {
                    return user;
                }
            }
        }
        return null;
    }

    /** The container's environment; unresolvable references are added to {@code problems}. */
    List<Variable> environment(Map<String, Object> container, List<String> problems) {
        List<Variable> variables = new ArrayList<>();
        String where = "container " + str(container, "name");
        for (var from : maps(container, "envFrom")) {
            String prefix = str(from, "prefix") == null ? "" : str(from, "prefix");
            for (String kind : List.of("ConfigMap", "Secret")) {
                String field = kind.equals("ConfigMap") ? "configMapRef" : "secretRef";
                if (at(from, field) == null) {
                    continue;
                }
                String ref = str(from, field, "name");
                Map<String, String> keys = keys(kind, ref);
                if (keys == null) {
                    if (!"true".equals(str(from, field, "optional"))) {
                        problems.add(where + ": envFrom " + kind + " " + ref + " is not in the rendered overlay");
                    }
                    continue;
                }
                keys.forEach((k, v) -> variables.add(new Variable(prefix + k, v, kind + " " + ref)));
            }
        }
        for (var env : maps(container, "env")) {
            String name = str(env, "name");
            if (at(env, "valueFrom") == null) {
                variables.add(new Variable(name, str(env, "value"), "env"));
                continue;
            }
            for (String kind : List.of("ConfigMap", "Secret")) {
                String field = kind.equals("ConfigMap") ? "configMapKeyRef" : "secretKeyRef";
                Object ref = at(env, "valueFrom", field);
                if (ref == null) {
                    continue;
                }
                Map<String, String> keys = keys(kind, str(ref, "name"));
                String key = str(ref, "key");
                if ((keys == null || !keys.containsKey(key)) && !"true".equals(str(ref, "optional"))) {
                    problems.add(where + ": " + name + " refers to key " + key + " of " + kind + " " + str(ref, "name")
                            + (keys == null ? ", which is not in the rendered overlay" : ", which has only " + keys.keySet()));
                }
                variables.add(new Variable(name, keys == null ? null : keys.get(key), kind + " " + str(ref, "name")));
            }
            if (at(env, "valueFrom", "fieldRef") != null || at(env, "valueFrom", "resourceFieldRef") != null) {
                variables.add(new Variable(name, null, "downward API"));
            }
        }
        return variables;
    }

    /** Volumes that name a ConfigMap or Secret which is not rendered. */
    void checkVolumes(Map<String, Object> deployment, List<String> problems) {
        for (var volume : maps(podSpec(deployment), "volumes")) {
            if (at(volume, "configMap") != null && keys("ConfigMap", str(volume, "configMap", "name")) == null) {
                problems.add(Manifests.id(deployment) + ": volume ConfigMap " + str(volume, "configMap", "name") + " is not rendered");
            }
            if (at(volume, "secret") != null && keys("Secret", str(volume, "secret", "secretName")) == null) {
                problems.add(Manifests.id(deployment) + ": volume Secret " + str(volume, "secret", "secretName") + " is not rendered");
            }
        }
    }

    /** The container port a probe or Service targets, by name or by number; null when it does not resolve. */
    static Integer containerPort(Map<String, Object> container, Object port) {
        for (var p : maps(container, "ports")) {
            Object number = p.get("containerPort");
            if (String.valueOf(port).equals(str(p, "name")) || String.valueOf(port).equals(String.valueOf(number))) {
                return Integer.valueOf(String.valueOf(number));
            }
        }
        return null;
    }

    /** The Deployments whose pod template labels a selector selects. */
    Set<String> selectedDeployments(Map<String, Object> selector) {
        Set<String> names = new TreeSet<>();
        for (var deployment : manifests.ofKind("Deployment")) {
            if (Manifests.selects(selector, map(deployment, "spec", "template", "metadata", "labels"))) {
                names.add(name(deployment));
            }
        }
        return names;
    }
}
