package io.gongkai.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The rendered resources of one overlay, with small helpers to walk their YAML trees. */
record Manifests(String overlay, List<Map<String, Object>> resources) {

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst();
    }

    /** The namespace every namespaced resource is rendered into (the overlay's {@code namespace:}). */
    String namespace() {
        return ofKind("Deployment").stream().map(d -> str(d, "metadata", "namespace")).filter(Objects::nonNull)
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": the Deployments have no namespace"));
    }

    static String name(Map<String, Object> resource) {
        return str(resource, "metadata", "name");
    }

    static String id(Map<String, Object> resource) {
        return resource.get("kind") + "/" + name(resource);
    }

    /** The node at {@code path} (map keys, or list indexes as Integer), or null where the path ends early. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(step);
            } else if (current instanceof List<?> list && step instanceof Integer i && i < list.size()) {
                current = list.get(i);
            } else {
                return null;
            }
        }
        return current;
    }

    static String str(Object node, Object... path) {
        Object value = at(node, path);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object node, Object... path) {
        Object value = at(node, path);
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** Whether a Kubernetes label selector (matchLabels, matchExpressions) selects these labels. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        if (selector.isEmpty()) {
            return true;
        }
        Map<String, Object> matchLabels = map(selector, "matchLabels");
        for (var e : matchLabels.entrySet()) {
            if (!String.valueOf(e.getValue()).equals(str(labels, e.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> expression : maps(selector, "matchExpressions")) {
            String value = str(labels, str(expression, "key"));
            List<String> values = strings(expression, "values");
            boolean ok = switch (str(expression, "operator")) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator in " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
