// Builders of another package, with driver v1 (see reachv1).
package reachv1dep

import (
	"context"
	"errors"
	"reflect"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"

	"reachtags"
)

// StateFilter returns its filter from two returns.
func StateFilter(id primitive.ObjectID, state string) bson.M { // want StateFilter:`helper \(\{_id: \$0\} \| \{_id: \$0, state: \$1\}\)`
	if state == "" {
		return bson.M{"_id": id}
	}
	return bson.M{"_id": id, "state": state}
}

// Touch builds its update in branches.
func Touch(name string, admin bool) bson.D { // want Touch:`helper \{\$set: \{name: \$0, role: "admin"\}\}`
	set := bson.D{{"name", name}}
	if admin {
		set = append(set, bson.E{"role", "admin"})
	}
	return bson.D{{"$set", set}}
}

// Option adds keys to a document.
type Option func(bson.M)

func Owner(o string) Option { // want Owner:`option \{owner: \$0\}`
	return Option(func(m bson.M) { m["owner"] = o })
}

func Filter(opts ...Option) bson.M { // want Filter:`helper \{options \$0...\}`
	m := bson.M{}
	for _, o := range opts {
		o(m)
	}
	return m
}

// ByID returns its filter with an error: a helper of several results.
func ByID(id primitive.ObjectID) (bson.M, error) { // want ByID:`helper \{_id: \$0\}`
	if id.IsZero() {
		return nil, errors.New("no id")
	}
	return bson.M{"_id": id}, nil
}

// InState returns the state it read and the filter.
func InState(id primitive.ObjectID, state string) (string, bson.M, error) { // want InState:`helper result 1 \{_id: \$0, state: \$1\}`
	return state, bson.M{"_id": id, "state": state}, nil
}

// Store is a repository interface; MongoStore, its one implementation, is
// a wrapper.
type Store interface {
	Set(ctx context.Context, filter, update interface{}) error
}

type MongoStore struct{ C *mongo.Collection }

func (s MongoStore) Set(ctx context.Context, filter, update interface{}) error { // want Set:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	_, err := s.C.UpdateOne(ctx, filter, update)
	return err
}

// TaskFilter is a document type with setters.
type TaskFilter bson.M

func (f TaskFilter) WithID(id primitive.ObjectID) { // want WithID:`option \{_id: \$0\}`
	f["_id"] = id
}

// ErrMissed is returned when a write that had to match did not.
var ErrMissed = errors.New("missed")

// Update is a generic wrapper that reads the count only when mustMatch is
// true.
func Update[T any](ctx context.Context, c *mongo.Collection, filter, update interface{}, mustMatch bool) error { // want Update:`wrapper UpdateOne filter \$2 update \$3 result read if \$4`
	res, err := c.UpdateOne(ctx, filter, update)
	if err == nil && mustMatch && res.MatchedCount == 0 {
		return ErrMissed
	}
	return err
}

// Job is a document whose keys other packages read from its tags.
type Job struct {
	ID    primitive.ObjectID `bson:"_id"`
	State string             `bson:"state"`
}

// Keys of Job, for other packages.
var (
	JobState = reachtags.Of(Job{}, "State") // want JobState:`key "state"`
	JobOwner = "owner"                      // want JobOwner:`key "owner"`
	JobNote  = "note"                       // want JobNote:`key "note"`
)

// Update is a builder of updates, for other packages.
type UpdateBuilder struct{ set bson.M }

func NewUpdate() UpdateBuilder { return UpdateBuilder{set: bson.M{}} } // want NewUpdate:`builder \{set: \{\}\}`

func (u UpdateBuilder) Set(k string, v interface{}) UpdateBuilder { // want Set:`option \{\$set: \{\.\.\.\}\} returns its receiver`
	u.set["$set"] = bson.M{k: v}
	return u
}

func (u UpdateBuilder) SetState(v string) UpdateBuilder { // want SetState:`option \{\$set: \{state: \$0\}\} returns its receiver`
	u.set["$set"] = bson.M{"state": v}
	return u
}

func (u UpdateBuilder) Doc() bson.M { return u.set } // want Doc:`helper \$0.set`

// Live adds the soft-delete marker to a filter and returns it.
func Live(q bson.M) bson.M { // want Live:`helper \$0 \+ \{deleted_at: \?\}`
	q["deleted_at"] = nil
	return q
}

// Patch is a builder of updates of several document fields.
type Patch struct {
	set, unset bson.M
}

func NewPatch() *Patch { return &Patch{set: bson.M{}, unset: bson.M{}} } // want NewPatch:`builder \{set: \{\}, unset: \{\}\}`

func (p *Patch) Set(k string, v interface{}) *Patch { // want Set:`adds to set option \{\$0: \$1\} returns its receiver`
	p.set[k] = v
	return p
}

func (p *Patch) Unset(k string) *Patch { // want Unset:`adds to unset option \{\$0: ""\} returns its receiver`
	p.unset[k] = ""
	return p
}

func (p *Patch) doc() bson.M {
	d := bson.M{}
	if len(p.set) > 0 {
		d["$set"] = p.set
	}
	if len(p.unset) > 0 {
		d["$unset"] = p.unset
	}
	return d
}

// ApplyPatch is a wrapper that takes a builder.
func (s MongoStore) ApplyPatch(ctx context.Context, id primitive.ObjectID, p *Patch) error { // want ApplyPatch:`wrapper UpdateOne filter \{_id: \$1\} update \{\$set: \$2.set, \$unset: \$2.unset\} result dropped`
	_, err := s.C.UpdateOne(ctx, bson.M{"_id": id}, p.doc())
	return err
}

// Posts converts its parameters to the driver's types before the write.
type Posts struct{ C *mongo.Collection }

func (p *Posts) Update(ctx context.Context, cond, set map[string]interface{}) error { // want Update:`wrapper UpdateOne filter \$1 update \{\$set: \$2\} result dropped`
	filter := bson.M(cond)
	_, err := p.C.UpdateOne(ctx, filter, bson.M{"$set": primitive.M(set)})
	return err
}

// AddID only adds a key to the document it is given.
func AddID(f bson.M, id primitive.ObjectID) { // want AddID:`option \{_id: \$1\}`
	f["_id"] = id
}

// AddIDHex parses the id first, and adds it when it parses.
func AddIDHex(f map[string]interface{}, id string) error { // want AddIDHex:`option \{_id: \?\}`
	oid, err := primitive.ObjectIDFromHex(id)
	if err != nil {
		return err
	}
	f["_id"] = oid
	return nil
}

type Member struct {
	ID      *primitive.ObjectID `bson:"_id,omitempty"`
	Friends []string            `bson:"friends"`
}

type Members struct{ C *mongo.Collection }

// Save clears a field of the struct it is given before writing it.
func (m *Members) Save(ctx context.Context, filter map[string]interface{}, u *Member) error { // want Save:`wrapper UpdateOne filter \$1 update \{\$set: \?\} result dropped`
	u.ID = nil
	_, err := m.C.UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: u}})
	return err
}

// Replace replaces a struct parameter by _id: checked here, once.
func (m *Members) Replace(ctx context.Context, id primitive.ObjectID, u Member) error {
	_, err := m.C.ReplaceOne(ctx, bson.M{"_id": id}, u) // want `ReplaceOne replaces the whole document but its filter matches only "_id"`
	return err
}

// Scoped switches on the type of the document it is given, copies it
// and adds a key; a struct is read by reflection.
func Scoped(tenant string, doc interface{}) bson.D { // want Scoped:`helper \(\[\$1 is \.\.\.\] \{tenant: \$0, \.\.\.\} \| \[\$1 is go.mongodb.org/mongo-driver/bson/primitive.D\] \$1 \+ \{tenant: \$0\} \| \[\$1 is go.mongodb.org/mongo-driver/bson/primitive.M\] \$1 \+ \{tenant: \$0\}\)`
	var res bson.D
	switch v := doc.(type) {
	case bson.M:
		res = make(bson.D, 0, len(v)+1)
		for k, x := range v {
			res = append(res, bson.E{Key: k, Value: x})
		}
	case bson.D:
		res = make(bson.D, len(v), len(v)+1)
		copy(res, v)
	default:
		return reflected(v, tenant)
	}
	res = append(res, bson.E{Key: "tenant", Value: tenant})
	return res
}

// reflected reads the fields of a struct by reflection: keys not known.
func reflected(v interface{}, tenant string) bson.D {
	var d bson.D
	rv := reflect.ValueOf(v)
	for i := 0; i < rv.NumField(); i++ {
		d = append(d, bson.E{Key: rv.Type().Field(i).Name, Value: rv.Field(i).Interface()})
	}
	return append(d, bson.E{Key: "tenant", Value: tenant})
}

// Get only reads the filter it is handed.
func Get(ctx context.Context, c *mongo.Collection, filter bson.M, out interface{}) error { // want Get:`reads its documents only`
	for k := range filter {
		_ = k
	}
	return c.FindOne(ctx, filter).Decode(out)
}

// Account and AccountModel: a domain type and its storage model.
type Account struct {
	ID     primitive.ObjectID
	Tenant string
	Plan   string
}

type AccountModel struct {
	ID     primitive.ObjectID `bson:"_id"`
	Tenant string             `bson:"tenant"`
	Plan   string             `bson:"plan"`
}

// ToModel maps the account to its model.
func (a *Account) ToModel() AccountModel { // want ToModel:`converter \{ID: \$-1.ID, Plan: \$-1.Plan, Tenant: \$-1.Tenant\}`
	return AccountModel{ID: a.ID, Tenant: a.Tenant, Plan: a.Plan}
}

// Op is a request object: setters give its documents, and a wrapper
// writes them (a hand-made transaction log that keeps an undo update).
type Op struct {
	filter bson.M
	update bson.M
	undo   bson.M
	after  func(interface{}) bson.M
	note   string
}

func NewOp() *Op { return &Op{note: "op"} } // want NewOp:`builder \{\}`

func (o *Op) Where(f bson.M) *Op { // want Where:`sets \{filter = \$0\} returns its receiver`
	o.filter = f
	return o
}

func (o *Op) Change(u bson.M) *Op { // want Change:`sets \{update = \$0\} returns its receiver`
	o.update = u
	return o
}

func (o *Op) Undo(u bson.M, note string) *Op { // want Undo:`sets \{undo = \$0\} returns its receiver`
	o.undo = u
	o.note = note
	return o
}

// After sets a field that holds no document.
func (o *Op) After(f func(interface{}) bson.M) *Op { // want After:`sets \{\} returns its receiver`
	o.after = f
	return o
}

// Checked does more than set fields: not a setter.
func (o *Op) Checked(f bson.M) *Op {
	if f == nil {
		f = bson.M{}
	}
	o.filter = f
	return o
}

// OpColl writes an Op.
type OpColl struct{ C *mongo.Collection }

func (c *OpColl) UpdateOne(ctx context.Context, op *Op) (*mongo.UpdateResult, error) { // want UpdateOne:`wrapper UpdateOne filter \$1.filter update \$1.update result returned`
	res, err := c.C.UpdateOne(ctx, op.filter, op.update)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// CounterDocs returns the filter and the update of a counter's bucket.
func CounterDocs(name string, n int) (bson.M, bson.D) { // want CounterDocs:`helper result 0 \{name: \$0\} result 1 \{\$set: \{last: \$1\}, \$inc: \{total: \$1\}\}`
	return bson.M{"name": name}, bson.D{{"$set", bson.M{"last": n}}, {"$inc", bson.M{"total": n}}}
}
