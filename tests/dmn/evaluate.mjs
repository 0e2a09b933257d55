// An independent reading of chipwise's DMN export: parse it with bpmn.io's dmn-moddle (DMN 1.3), then decide
// each case by following the graph's information requirements and evaluating every rule's unary tests with
// feelin (FEEL). Reads {"dmn": PATH, "cases": [{input: value, ...}, ...]} on stdin; prints
// {"warnings": [...], "tables": [...], "answers": [{table: outcome, ...} | {"error": ...}, ...]}.
import { readFileSync } from "node:fs";
import { DmnModdle } from "dmn-moddle";
import { unaryTest } from "feelin";

const request = JSON.parse(readFileSync(0, "utf8"));
const xml = readFileSync(request.dmn, "utf8");
const { rootElement: definitions, warnings } = await new DmnModdle().fromXML(xml, "dmn:Definitions");

const decisions = definitions.drgElement.filter((element) => element.$type === "dmn:Decision");
const byId = new Map(decisions.map((decision) => [decision.id, decision]));

// The order the graph decides in: a decision after every decision it requires.
const ordered = [];
function visit(decision, trail) {
  if (ordered.includes(decision)) return;
  if (trail.includes(decision)) throw new Error("cycle at " + decision.name);
  for (const requirement of decision.informationRequirement || []) {
    if (requirement.requiredDecision) visit(byId.get(requirement.requiredDecision.href.slice(1)), [...trail, decision]);
  }
  ordered.push(decision);
}
decisions.forEach((decision) => visit(decision, []));

function literal(text) {
  // An output entry is one FEEL string literal.
  return JSON.parse(text);
}

function decide(values) {
  const context = { ...values };
  const answer = {};
  for (const decision of ordered) {
    const table = decision.decisionLogic;
    const matching = table.rule.filter((rule) =>
      rule.inputEntry.every((entry, index) => {
        const text = entry.text.trim();
        if (text === "-") return true;
        const input = context[table.input[index].inputExpression.text];
        const result = unaryTest(text, { "?": input });
        if (result.warnings.length) throw new Error(`${rule.id}: ${text}: ${JSON.stringify(result.warnings)}`);
        return result.value === true;
      })
    );
    if (table.hitPolicy !== "UNIQUE") throw new Error(`${decision.name}: hit policy ${table.hitPolicy}`);
    if (matching.length !== 1) {
      return { error: `${decision.name}: ${matching.length} rules match (${matching.map((rule) => rule.id).join(", ")})` };
    }
    context[decision.variable.name] = literal(matching[0].outputEntry[0].text);
    answer[decision.variable.name] = context[decision.variable.name];
  }
  return answer;
}

const answers = request.cases.map((values) => {
  try {
    return decide(values);
  } catch (error) {
    return { error: String(error.message || error) };
  }
});
const tables = ordered.map((decision) => ({
  name: decision.name,
  rules: decision.decisionLogic.rule.length,
  shapes: (definitions.dmnDI?.diagrams?.[0]?.diagramElements || []).filter((shape) => shape.dmnElementRef?.id === decision.id).length,
}));
process.stdout.write(JSON.stringify({ warnings: warnings.map((warning) => warning.message), tables, answers }) + "\n");
