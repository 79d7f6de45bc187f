package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// A builder struct: one document field, a constructor, methods that add
// keys and return the builder, a getter.
type Query struct {
	m     bson.M
	limit int
}

func NewQuery() *Query { return &Query{m: bson.M{}} } // want NewQuery:`builder \{m: \{\}\}`

func ByOwner(owner string) *Query { return &Query{m: bson.M{"owner": owner}} } // want ByOwner:`builder \{m: \{owner: \$0\}\}`

func (q *Query) ID(id bson.ObjectID) *Query { // want ID:`option \{_id: \$0\} returns its receiver`
	q.m["_id"] = id
	return q
}

func (q *Query) Status(s string) *Query { // want Status:`option \{status: \$0\} returns its receiver`
	q.m["status"] = s
	return q
}

func (q *Query) Tenant(t string) { q.m["tenant"] = t } // want Tenant:`option \{tenant: \$0\}`

func (q *Query) BSON() bson.M { return q.m } // want BSON:`helper \$0.m`

// Limit sets another field: a setter that changes no document, so the
// builder stays known through it.
func (q *Query) Limit(n int) *Query { // want Limit:`sets \{\} returns its receiver`
	q.limit = n
	return q
}

func builderChain(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, NewQuery().ID(id).BSON(), bson.M{"$set": bson.M{"status": "done"}})                // want `UpdateOne sets "status" but its filter matches only "_id"`
	c.UpdateOne(ctx, NewQuery().ID(id).Status("open").BSON(), bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	c.UpdateOne(ctx, ByOwner("ann").ID(id).BSON(), bson.M{"$set": bson.M{"name": "x"}})                 // want `UpdateOne sets "name" but its filter matches only "owner", "_id"`
}

func builderVar(ctx context.Context, c *mongo.Collection, id bson.ObjectID, tenant, status string) {
	q := NewQuery()
	q.ID(id)
	if tenant != "" {
		q.Tenant(tenant)
	}
	c.UpdateOne(ctx, q.BSON(), bson.M{"$set": bson.M{"status": status}}) // want `UpdateOne sets "status" but its filter matches only "_id", "tenant"`

	g := NewQuery().ID(id)
	if status != "" {
		g = g.Status(status)
	}
	c.UpdateOne(ctx, g.BSON(), bson.M{"$set": bson.M{"status": "closed"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
}

// A builder handed to a function that may change it is unknown.
func builderPassed(ctx context.Context, c *mongo.Collection, id bson.ObjectID, more func(*Query)) {
	q := NewQuery().ID(id)
	more(q)
	c.UpdateOne(ctx, q.BSON(), bson.M{"$set": bson.M{"status": "x"}})
	c.UpdateOne(ctx, NewQuery().ID(id).Limit(2).BSON(), bson.M{"$set": bson.M{"status": "x"}}) // want `UpdateOne sets "status" but its filter matches only "_id"`
}

// A builder of updates with several document fields, an adder that takes
// its key from the caller, and a method that makes the update of them.
type Updater struct {
	set  bson.M
	push bson.M
	note string
}

func NewUpdater() *Updater { return &Updater{bson.M{}, bson.M{}, ""} } // want NewUpdater:`builder \{set: \{\}, push: \{\}\}`

func (u *Updater) Set(k string, v any) *Updater { // want Set:`adds to set option \{\$0: \$1\} returns its receiver`
	u.set[k] = v
	return u
}

func (u *Updater) Push(k string, v any) *Updater { // want Push:`adds to push option \{\$0: \$1\} returns its receiver`
	u.push[k] = v
	return u
}

func (u *Updater) Update() bson.M { // want Update:`helper \{\$set: \$0.set, \$push: \$0.push\}`
	d := bson.M{}
	if len(u.set) > 0 {
		d["$set"] = u.set
	}
	if len(u.push) > 0 {
		d["$push"] = u.push
	}
	return d
}

// A builder of filters, read through its field.
type Filter struct{ f bson.M }

func NewFilter() *Filter { return &Filter{f: bson.M{}} } // want NewFilter:`builder \{f: \{\}\}`

func (f *Filter) Eq(k string, v any) *Filter { // want Eq:`adds to f option \{\$0: \$1\} returns its receiver`
	f.f[k] = v
	return f
}

type patches struct{ c *mongo.Collection }

// Patch and PatchByID are wrappers that take the builders.
func (p patches) Patch(ctx context.Context, f *Filter, u *Updater) error { // want Patch:`wrapper UpdateOne filter \$1.f update \{\$set: \$2.set, \$push: \$2.push\} result dropped`
	_, err := p.c.UpdateOne(ctx, f.f, u.Update())
	return err
}

func (p patches) PatchByID(ctx context.Context, id bson.ObjectID, u *Updater) error { // want PatchByID:`wrapper UpdateOne filter \{_id: \$1\} update \{\$set: \$2.set, \$push: \$2.push\} result dropped`
	return p.Patch(ctx, NewFilter().Eq("_id", id), u)
}

func builderWrappers(ctx context.Context, p patches, id bson.ObjectID, name, tag string) {
	p.PatchByID(ctx, id, NewUpdater().Set("state", "x"))                                     // want `patches.PatchByID \(UpdateOne\) sets "state" but its filter matches only "_id"`
	p.Patch(ctx, NewFilter().Eq("_id", id).Eq("state", "a"), NewUpdater().Set("state", "b")) // want `patches.Patch \(UpdateOne\) is conditional on "state" but patches.Patch discards the result of UpdateOne`
	u := NewUpdater()
	u.Set("name", name)
	if tag != "" {
		u.Push("tags", tag)
	}
	p.PatchByID(ctx, id, u) // want `patches.PatchByID \(UpdateOne\) sets "name" but its filter matches only "_id"`
	// A $push of a field the filter tests changes it: a guard, and the
	// result that Patch drops is unchecked-result's.
	p.Patch(ctx, NewFilter().Eq("_id", id).Eq("tags", tag), NewUpdater().Set("name", name).Push("tags", "x")) // want `patches.Patch \(UpdateOne\) is conditional on "tags" but patches.Patch discards the result of UpdateOne`
	p.PatchByID(ctx, id, NewUpdater().Set(name, tag))                                                         // want `patches.PatchByID \(UpdateOne\) sets fields with \$set but its filter matches only "_id"`
	p.c.UpdateOne(ctx, NewFilter().Eq("_id", id).f, bson.M{"$set": bson.M{"name": name}})                     // want `UpdateOne sets "name" but its filter matches only "_id"`
}

// A wrapper that adds to the caller's builder before it writes: the
// filter is not the caller's alone, and nothing is said.
func (p patches) PatchVersioned(ctx context.Context, f *Filter, v int64, u bson.M) error { // want PatchVersioned:`wrapper UpdateOne filter \? update \$3 result dropped`
	f.Eq("version", v)
	_, err := p.c.UpdateOne(ctx, f.f, u)
	return err
}

func versioned(ctx context.Context, p patches, id bson.ObjectID, v int64) error {
	return p.PatchVersioned(ctx, NewFilter().Eq("_id", id), v, bson.M{"$set": bson.M{"version": v + 1}})
}

func putVersion(m bson.M, v int64) { m["version"] = v }

// A builder's map changed outside its methods, or a builder copied and
// changed through the copy: the filter may hold more than the chain says.
func builderShared(ctx context.Context, c *mongo.Collection, id bson.ObjectID, v int64) {
	q := NewQuery().ID(id)
	putVersion(q.m, v)
	c.UpdateOne(ctx, q.BSON(), bson.M{"$set": bson.M{"version": v + 1}})

	b := Filter{f: bson.M{"_id": id}}
	b2 := b
	b2.Eq("version", v)
	c.UpdateOne(ctx, b.f, bson.M{"$set": bson.M{"version": v + 1}})

	r := Filter{f: bson.M{"_id": id}}
	c.UpdateOne(ctx, r.f, bson.M{"$set": bson.M{"version": v + 1}}) // want `UpdateOne sets "version" but its filter matches only "_id"`
}

type noteInput struct {
	Text  string
	Props bson.M
}

// A map field of a parameter written as a value is no builder: the write
// is checked here, once, and its callers are not.
func (p patches) SetNote(ctx context.Context, id bson.ObjectID, in *noteInput) error {
	set := bson.M{"props": in.Props}
	if in.Text != "" {
		set["text"] = in.Text
	}
	_, err := p.c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": set}) // want `UpdateOne sets "props", "text" but its filter matches only "_id"`
	return err
}

func writeNote(ctx context.Context, p patches, id bson.ObjectID) error {
	return p.SetNote(ctx, id, &noteInput{Text: "x"})
}

type profile struct {
	Name string `bson:"name"`
	Meta bson.M `bson:"meta"`
}

// A struct with a map field, written whole by a helper, is a document of
// its bson fields, not a builder: the name it writes guards.
func renameProfile(name string) bson.M {
	p := profile{Name: name, Meta: bson.M{}}
	return bson.M{"$set": p}
}

func renameGuarded(ctx context.Context, c *mongo.Collection, id bson.ObjectID, old, name string) error {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "name": old}, renameProfile(name))
	if err != nil || res.MatchedCount == 0 {
		return err
	}
	return nil
}

// A model with a setter of an exported field stays a document of its bson
// fields: the driver writes Attrs as "attrs".
type Sensor struct {
	ID    bson.ObjectID `bson:"_id"`
	Attrs bson.M        `bson:"attrs"`
}

func (d *Sensor) SetAttrs(a bson.M) { d.Attrs = a }

func sensorUpdate(id bson.ObjectID) bson.M {
	d := &Sensor{ID: id}
	d.SetAttrs(bson.M{"on": true})
	return bson.M{"$set": d}
}

func saveSensor(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id}, sensorUpdate(id)) // want `UpdateOne sets "attrs" but its filter matches only "_id"`
}

// A model with a map field and a setter of another field: the setter
// changes the document, so the kind is no longer the one the filter
// matched, and the write is silent, as after any call that may change it.
type Rule struct {
	Kind string `bson:"kind"`
	Tags bson.M `bson:"tags"`
}

func (r *Rule) SetKind(k string) { r.Kind = k }

func saveRule(ctx context.Context, c *mongo.Collection, kind string) {
	r := Rule{Kind: "limits", Tags: bson.M{}}
	r.SetKind(kind)
	c.UpdateOne(ctx, bson.M{"kind": "limits"}, bson.M{"$set": r})
}
