package assess

// ResultSchemaVersion versions the JSON form of a Result, as `secpath
// score --json` prints it. It moves apart from SchemaVersion, which
// versions the bank and answers files: a change to what a result says
// need not change what a person writes, and the reverse.
//
// Version 2 (levels from evidence of work): a competency's scenario mean
// is now judgement, beside claimed, unverified, evidenced, assessed and
// facts; roles carry readiness_claimed, fit, relation, family, blocked,
// blocked_months and assessed, and come in the order a person reads them
// (where they stand, ahead, sideways, other families, outgrown) rather
// than by readiness; blockers carry fact, need, have, months,
// not_answered and not_asked; calibration entries carry against and over;
// the result carries judgement and family.
const ResultSchemaVersion = 2
