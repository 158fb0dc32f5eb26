//! A small RDF graph — named nodes with types and properties, no blank nodes — and its two
//! serialisations, JSON-LD and Turtle, written from the same nodes so that they say the same
//! triples. Output order is the order nodes and properties were added: same graph, same bytes.

use anyhow::{Result, bail};
use serde_json::{Map, Value, json};

/// Prefixes used in both serialisations, in output order.
pub const PREFIXES: [(&str, &str); 10] = [
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("locn", "http://www.w3.org/ns/locn#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("spdx", "http://spdx.org/rdf/terms#"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// The object of a triple.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Object {
    /// A node, by full IRI.
    Iri(String),
    /// A literal with a language tag (`vi`, `en`).
    Lang(String, &'static str),
    /// A literal with a datatype, as a prefixed name (`xsd:date`).
    Typed(String, &'static str),
    /// A plain string literal.
    Str(String),
}

/// A named node: its IRI, its types (prefixed names) and its properties (prefixed name, value).
#[derive(Debug, Clone)]
pub struct Node {
    pub iri: String,
    pub types: Vec<&'static str>,
    pub props: Vec<(&'static str, Object)>,
}

impl Node {
    pub fn new(iri: impl Into<String>, types: &[&'static str]) -> Node {
        Node {
            iri: iri.into(),
            types: types.to_vec(),
            props: Vec::new(),
        }
    }
    pub fn add(&mut self, predicate: &'static str, object: Object) -> &mut Node {
        self.props.push((predicate, object));
        self
    }
    pub fn iri(&mut self, predicate: &'static str, iri: impl Into<String>) -> &mut Node {
        self.add(predicate, Object::Iri(iri.into()))
    }
    pub fn lang(
        &mut self,
        predicate: &'static str,
        text: impl Into<String>,
        lang: &'static str,
    ) -> &mut Node {
        self.add(predicate, Object::Lang(text.into(), lang))
    }
    pub fn typed(
        &mut self,
        predicate: &'static str,
        value: impl Into<String>,
        datatype: &'static str,
    ) -> &mut Node {
        self.add(predicate, Object::Typed(value.into(), datatype))
    }
}

/// Nodes in the order they were added; a node added twice is merged into the first.
#[derive(Debug, Default)]
pub struct Graph {
    nodes: Vec<Node>,
}

impl Graph {
    pub fn new() -> Graph {
        Graph::default()
    }

    /// Adds a node, merging types and properties into an existing node with the same IRI.
    pub fn add(&mut self, node: Node) {
        if let Some(existing) = self.nodes.iter_mut().find(|n| n.iri == node.iri) {
            for t in node.types {
                if !existing.types.contains(&t) {
                    existing.types.push(t);
                }
            }
            for p in node.props {
                if !existing.props.contains(&p) {
                    existing.props.push(p);
                }
            }
        } else {
            self.nodes.push(node);
        }
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// JSON-LD: a `@context` of the prefixes and a `@graph` of node objects, every value an
    /// explicit `@id` or value object (no context-dependent coercion).
    pub fn to_jsonld(&self) -> Result<Vec<u8>> {
        self.check_iris()?;
        let mut context = Map::new();
        for (p, ns) in PREFIXES {
            context.insert(p.to_string(), Value::String(ns.to_string()));
        }
        let mut graph = Vec::new();
        for n in &self.nodes {
            let mut obj = Map::new();
            obj.insert("@id".into(), Value::String(n.iri.clone()));
            obj.insert(
                "@type".into(),
                Value::Array(n.types.iter().map(|t| json!(t)).collect()),
            );
            for (pred, _) in &n.props {
                if obj.contains_key(*pred) {
                    continue;
                }
                let values: Vec<Value> = n
                    .props
                    .iter()
                    .filter(|(p, _)| p == pred)
                    .map(|(_, o)| match o {
                        Object::Iri(i) => json!({ "@id": i }),
                        Object::Lang(v, l) => json!({ "@value": v, "@language": l }),
                        Object::Typed(v, t) => json!({ "@value": v, "@type": t }),
                        Object::Str(v) => json!({ "@value": v }),
                    })
                    .collect();
                obj.insert(pred.to_string(), Value::Array(values));
            }
            graph.push(Value::Object(obj));
        }
        let doc = json!({ "@context": Value::Object(context), "@graph": graph });
        let mut out = serde_json::to_vec_pretty(&doc)?;
        out.push(b'\n');
        Ok(out)
    }

    /// Turtle, one subject block per node.
    pub fn to_turtle(&self) -> Result<Vec<u8>> {
        self.check_iris()?;
        let mut out = String::new();
        for (p, ns) in PREFIXES {
            out.push_str(&format!("@prefix {p}: <{ns}> .\n"));
        }
        for n in &self.nodes {
            out.push('\n');
            out.push_str(&format!("<{}>", n.iri));
            let mut lines = Vec::new();
            if !n.types.is_empty() {
                lines.push(format!("a {}", n.types.join(", ")));
            }
            let mut done: Vec<&str> = Vec::new();
            for (pred, _) in &n.props {
                if done.contains(pred) {
                    continue;
                }
                done.push(pred);
                let objects: Vec<String> = n
                    .props
                    .iter()
                    .filter(|(p, _)| p == pred)
                    .map(|(_, o)| turtle_object(o))
                    .collect();
                lines.push(format!("{pred} {}", objects.join(",\n        ")));
            }
            out.push_str(&format!("\n    {} .\n", lines.join(" ;\n    ")));
        }
        Ok(out.into_bytes())
    }

    /// IRIs are written between `<>` in Turtle: refuse characters that would need escaping.
    fn check_iris(&self) -> Result<()> {
        let bad = |iri: &str| {
            iri.is_empty()
                || iri
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "<>\"{}|^`\\".contains(c))
        };
        for n in &self.nodes {
            let objects = n.props.iter().filter_map(|(_, o)| match o {
                Object::Iri(i) => Some(i.as_str()),
                _ => None,
            });
            for iri in std::iter::once(n.iri.as_str()).chain(objects) {
                if bad(iri) {
                    bail!("địa chỉ IRI không hợp lệ trong danh mục dữ liệu: `{iri}`");
                }
            }
        }
        Ok(())
    }
}

fn turtle_object(o: &Object) -> String {
    match o {
        Object::Iri(i) => format!("<{i}>"),
        Object::Lang(v, l) => format!("{}@{l}", turtle_string(v)),
        Object::Typed(v, t) => format!("{}^^{t}", turtle_string(v)),
        Object::Str(v) => turtle_string(v),
    }
}

/// A Turtle string literal (`"…"` with escapes).
fn turtle_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Graph {
        let mut g = Graph::new();
        let mut n = Node::new("https://example.org/data/catalog", &["dcat:Catalog"]);
        n.lang("dct:title", "Tỉnh \"Thử\"\nhai dòng", "vi")
            .typed("dct:issued", "2024-11-15", "xsd:date")
            .iri("dcat:dataset", "https://example.org/data/units")
            .iri("dcat:dataset", "https://example.org/data/plans");
        g.add(n);
        g
    }

    #[test]
    fn turtle_groups_objects_and_escapes_literals() {
        let ttl = String::from_utf8(sample().to_turtle().unwrap()).unwrap();
        assert!(ttl.contains("<https://example.org/data/catalog>\n    a dcat:Catalog ;"));
        assert!(ttl.contains("dct:title \"Tỉnh \\\"Thử\\\"\\nhai dòng\"@vi ;"));
        assert!(ttl.contains("dct:issued \"2024-11-15\"^^xsd:date ;"));
        assert!(ttl.contains(
            "dcat:dataset <https://example.org/data/units>,\n        <https://example.org/data/plans> ."
        ));
    }

    #[test]
    fn jsonld_uses_explicit_value_objects() {
        let v: Value = serde_json::from_slice(&sample().to_jsonld().unwrap()).unwrap();
        let node = &v["@graph"][0];
        assert_eq!(node["@type"][0], "dcat:Catalog");
        assert_eq!(node["dct:title"][0]["@language"], "vi");
        assert_eq!(node["dct:issued"][0]["@type"], "xsd:date");
        assert_eq!(node["dcat:dataset"].as_array().unwrap().len(), 2);
        assert_eq!(v["@context"]["dcat"], "http://www.w3.org/ns/dcat#");
    }

    #[test]
    fn nodes_with_the_same_iri_merge_and_bad_iris_are_refused() {
        let mut g = sample();
        let mut again = Node::new("https://example.org/data/catalog", &["dcat:Resource"]);
        again.iri("dcat:dataset", "https://example.org/data/units");
        g.add(again);
        assert_eq!(g.nodes().len(), 1);
        assert_eq!(g.nodes()[0].types, vec!["dcat:Catalog", "dcat:Resource"]);
        assert_eq!(g.nodes()[0].props.len(), 4);
        g.add(Node::new("https://example.org/a b", &["foaf:Agent"]));
        assert!(g.to_turtle().is_err());
    }
}
