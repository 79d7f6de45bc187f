// Documents built on several paths, with driver v1 (bson.M is an alias of
// primitive.M).
package reachv1

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"

	"reachtags"
	"reachv1dep"
)

func tenantKey(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, tenant string) {
	filter := bson.M{"_id": id}
	if tenant != "" {
		filter["tenant"] = tenant
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"name": "x"}}) // want `UpdateOne sets "name" but its filter matches only "_id", "tenant"`
}

func ifElse(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, done bool) {
	var upd primitive.M
	if done {
		upd = bson.M{"$set": bson.M{"status": "done"}}
	} else {
		upd = primitive.M{"$set": primitive.M{"status": "open"}}
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, upd) // want `UpdateOne sets "status" but its filter matches only "_id"`
}

func switchCases(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, kind int) {
	var upd bson.D
	switch kind {
	case 1:
		upd = bson.D{{"$set", bson.D{{"a", 1}}}}
	default:
		upd = bson.D{{"$set", bson.D{{"b", 2}}}}
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, upd) // want `UpdateOne sets "a", "b" but its filter matches only "_id"`
}

func reassigned(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	filter := bson.M{"_id": id, "status": "new"}
	filter = bson.M{"_id": id}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne sets "status" but its filter matches only "_id"`
}

func conditionalGuard(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, expected string) {
	filter := bson.M{"_id": id}
	if expected != "" {
		filter["status"] = expected
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
}

func loopFilterKeys(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, extra map[string]interface{}) {
	filter := bson.M{"_id": id}
	for k, v := range extra {
		filter[k] = v
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}

func loopSetKeys(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, fields map[string]interface{}) {
	set := bson.M{}
	for k, v := range fields {
		set[k] = v
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": set}) // want `UpdateOne sets fields with \$set but its filter matches only "_id"`
}

func logged(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	filter := bson.M{"_id": id}
	fmt.Printf("updating %v\n", filter)
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a" but its filter matches only "_id"`
}

func handedOn(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	filter := bson.M{"_id": id}
	addVersion(filter)
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}

// addVersion adds a key only when it is missing: not read as a key adder.
func addVersion(m primitive.M) {
	if _, ok := m["version"]; !ok {
		m["version"] = 1
	}
}

func withRetry(f func() error) error { return f() }

func retried(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	filter := bson.M{"_id": id}
	return withRetry(func() error {
		_, err := c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a" but its filter matches only "_id"`
		return err
	})
}

func changedAfterClosure(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	filter := bson.M{"_id": id}
	f := func() { c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) }
	filter["a"] = 0
	f()
}

func withOpts(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, opts ...*options.UpdateOptions) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}}, opts...) // want `UpdateOne sets "name" but its filter matches only "_id"`
}

type Store struct{ c *mongo.Collection }

func (s *Store) Update(ctx context.Context, filter, update interface{}, opts ...*options.UpdateOptions) error { // want Update:`wrapper UpdateOne filter \$1 update \$2 result dropped`
	_, err := s.c.UpdateOne(ctx, filter, update, opts...)
	return err
}

func useStore(ctx context.Context, s *Store, id primitive.ObjectID) {
	s.Update(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}})                                                  // want `Store.Update \(UpdateOne\) sets "name" but its filter matches only "_id"`
	s.Update(ctx, bson.M{"_id": id, "state": "a"}, bson.M{"$set": bson.M{"state": "b"}}, options.Update().SetUpsert(true)) // want `Store.Update discards the result of UpdateOne`
}

func builders(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	c.UpdateOne(ctx, reachv1dep.StateFilter(id, ""), reachv1dep.Touch("x", false))               // want `UpdateOne sets "name", "role" but its filter matches only "_id", "state"`
	c.UpdateOne(ctx, reachv1dep.StateFilter(id, "new"), bson.M{"$set": bson.M{"state": "done"}}) // want `UpdateOne is conditional on "state" but its result is discarded`
}

func modelsInLoop(ids []primitive.ObjectID) []mongo.WriteModel {
	var models []mongo.WriteModel
	for _, id := range ids {
		w := mongo.NewUpdateOneModel() // want `UpdateOneModel sets "seen" but its filter matches only "_id"`
		w.SetFilter(bson.M{"_id": id})
		w.SetUpdate(bson.M{"$set": bson.M{"seen": true}})
		models = append(models, w)
	}
	return models
}

func (s *Store) Patch(ctx context.Context, filter bson.D, fields interface{}) error { // want Patch:`wrapper UpdateOne filter \(\$1 \| \{\}\) update \{\$set: \$2\} result dropped`
	if filter == nil {
		filter = bson.D{}
	}
	fields = bson.M{"$set": fields}
	_, err := s.c.UpdateOne(ctx, filter, fields)
	return err
}

func usePatch(ctx context.Context, s *Store, owner string) {
	s.Patch(ctx, bson.D{{"owner", owner}}, bson.M{"a": 1}) // want `Store.Patch \(UpdateOne\) sets "a" but its filter matches only "owner"`
}

type Setting struct {
	Kind  string `bson:"kind"`
	Value int    `bson:"value"`
}

func saveSetting(ctx context.Context, c *mongo.Collection, v int) {
	s := &Setting{Kind: "limits", Value: v}
	c.UpdateOne(ctx, bson.M{"kind": "limits"}, bson.M{"$set": s}) // want `UpdateOne sets "kind", "value" but its filter matches only "kind" and it writes "kind" back unchanged`
}

func saveSettingDeref(ctx context.Context, c *mongo.Collection, s *Setting) {
	c.UpdateOne(ctx, bson.M{"kind": s.Kind}, bson.M{"$set": *s}) // want `UpdateOne sets "kind", "value" but its filter matches only "kind" and it writes "kind" back unchanged`
}

func eqAndDotted(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, n, user string) {
	c.UpdateOne(ctx, bson.M{"name": bson.M{"$eq": n}}, bson.M{"$set": bson.M{"name": n, "seen": true}}) // want `UpdateOne sets "name", "seen" but its filter matches only "name" and it writes "name" back unchanged`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.D{{"$set", bson.D{{"scores." + user, 1}}}})                // want `UpdateOne sets "scores" but its filter matches only "_id"`
}

func withOptions(ctx context.Context, c *mongo.Collection, owner string) {
	c.UpdateOne(ctx, reachv1dep.Filter(reachv1dep.Owner(owner)), bson.M{"$set": bson.M{"name": "x"}})   // want `UpdateOne sets "name" but its filter matches only "owner"`
	c.UpdateOne(ctx, reachv1dep.Filter(reachv1dep.Owner(owner)), bson.M{"$set": bson.M{"owner": "me"}}) // want `UpdateOne is conditional on "owner" but its result is discarded`
}

type Item struct {
	ID  primitive.ObjectID `bson:"_id"`
	Qty int                `bson:"qty"`
}

func getItem(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) (Item, error) {
	var it Item
	err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it)
	return it, err
}

func sellThroughGetter(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	it, err := getItem(ctx, c, id)
	if err != nil {
		return err
	}
	_, err = c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"qty": it.Qty - 1}}) // want `read-modify-write: UpdateOne sets "qty"`
	return err
}

func restockAll(ctx context.Context, c *mongo.Collection) error {
	cur, err := c.Find(ctx, bson.M{})
	if err != nil {
		return err
	}
	var items []Item
	if err := cur.All(ctx, &items); err != nil {
		return err
	}
	for _, it := range items {
		c.UpdateOne(ctx, bson.M{"_id": it.ID}, bson.M{"$set": bson.M{"qty": it.Qty + 10}}) // want `read-modify-write: UpdateOne sets "qty"`
	}
	return nil
}

func (s *Store) UpdateLive(ctx context.Context, filter bson.M, update interface{}, withDeleted bool) error { // want UpdateLive:`wrapper UpdateOne filter \(\$1 \| \$1 \+ \{deleted: \?\}\) update \$2 result dropped`
	if !withDeleted {
		filter["deleted"] = false
	}
	_, err := s.c.UpdateOne(ctx, filter, update)
	return err
}

func useUpdateLive(ctx context.Context, s *Store, id primitive.ObjectID) {
	s.UpdateLive(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}}, false) // want `Store.UpdateLive \(UpdateOne\) sets "name" but its filter matches only "_id", "deleted"`
}

func arrayFilterConditions(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, user string) {
	opts := options.Update().SetArrayFilters(options.ArrayFilters{Filters: []interface{}{bson.D{{"m.user", user}}}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"members.$[m].role": "admin"}}, opts) // want `UpdateOne sets "members.\$\[m\].role" but its filter matches only "_id", "members.user"`
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"members.$[m].role": "admin"}})
	// The options as a struct literal.
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"members.$[m].role": "admin"}}, &options.UpdateOptions{ // want `UpdateOne sets "members.\$\[m\].role" but its filter matches only "_id", "members.user"`
		ArrayFilters: &options.ArrayFilters{Filters: []interface{}{bson.M{"m.user": user}}},
	})
	// A guard in the literal's arrayFilters: the role read is the role written.
	res, _ := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"members.$[m].role": "admin"}}, &options.UpdateOptions{
		ArrayFilters: &options.ArrayFilters{Filters: []interface{}{bson.M{"m.user": user, "m.role": "member"}}},
	})
	_ = res.MatchedCount
}

// Helpers of another package that return a document with an error.
func severalResults(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, name string) error {
	f, err := reachv1dep.ByID(id)
	if err != nil {
		return err
	}
	c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	_, g, err := reachv1dep.InState(id, "new")
	if err != nil {
		return err
	}
	c.UpdateOne(ctx, g, bson.M{"$set": bson.M{"state": "done"}}) // want `UpdateOne is conditional on "state" but its result is discarded`
	return nil
}

// A call through another package's repository interface, whose one
// implementation is a wrapper.
func setThroughInterface(ctx context.Context, s reachv1dep.Store, id primitive.ObjectID) error {
	return s.Set(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"name": "x"}}) // want `reachv1dep.MongoStore.Set \(UpdateOne\) sets "name" but its filter matches only "_id"`
}

// A setter of another package's document type.
func setThroughSetter(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	f := reachv1dep.TaskFilter{}
	f.WithID(id)
	c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"title": "x"}}) // want `UpdateOne sets "title" but its filter matches only "_id"`
}

type lease struct{}

// A generic wrapper of another package, told not to check the count.
func takeLease(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, owner string) error {
	if err := reachv1dep.Update[lease](ctx, c, bson.M{"_id": id, "owner": ""}, bson.M{"$set": bson.M{"owner": owner}}, true); err != nil {
		return err
	}
	return reachv1dep.Update[lease](ctx, c, bson.M{"_id": id, "owner": owner}, bson.M{"$set": bson.M{"owner": ""}}, false) // want `reachv1dep.Update \(UpdateOne\) is conditional on "owner" but reachv1dep.Update reads the result of UpdateOne only when its parameter mustMatch is true, and this call passes false`
}

// Keys held by another package's variables.
func jobKeys(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, owner string) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{reachv1dep.JobOwner: owner}})                                                                  // want `UpdateOne sets "owner" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id, reachv1dep.JobState: "new"}, bson.M{"$set": bson.M{reachv1dep.JobState: "run"}})                                      // want `UpdateOne is conditional on "state" but its result is discarded`
	c.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: reachtags.Of(reachv1dep.Job{}, "State"), Value: "run"}}, bson.M{"$set": bson.M{"state": "done"}}) // want `UpdateOne is conditional on "state" but its result is discarded`
}

// A builder of another package.
func builtUpdate(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id}, reachv1dep.NewUpdate().SetState("run").Doc())                     // want `UpdateOne sets "state" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id, "state": "new"}, reachv1dep.NewUpdate().SetState("run").Doc())     // want `UpdateOne is conditional on "state" but its result is discarded`
	c.UpdateOne(ctx, bson.M{"_id": id, "state": "new"}, reachv1dep.NewUpdate().Set("state", "run").Doc()) // an unknown key under a guard: silent
}

// A filter passed through another package's helper and assigned back.
func liveOnly(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) error {
	var err error
	filter := bson.M{}
	filter = reachv1dep.Live(filter)
	filter["_id"], err = primitive.ObjectIDFromHex(id.Hex())
	if err != nil {
		return err
	}
	_, err = c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"state": "x"}}) // want `UpdateOne sets "state" but its filter matches only "deleted_at", "_id"`
	return err
}

// A patch of five optional fields: 32 paths, folded into one value.
func patchUser(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, name, mail, phone, city, zip string) error {
	set := bson.D{}
	if name != "" {
		set = append(set, bson.E{Key: "name", Value: name})
	}
	if mail != "" {
		set = append(set, bson.E{Key: "mail", Value: mail})
	}
	if phone != "" {
		set = append(set, bson.E{Key: "phone", Value: phone})
	}
	if city != "" {
		set = append(set, bson.E{Key: "city", Value: city})
	}
	if zip != "" {
		set = append(set, bson.E{Key: "zip", Value: zip})
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.D{{Key: "$set", Value: set}}) // want `UpdateOne sets "name", "mail", "phone", "city", "zip" but its filter matches only "_id"`
	return err
}

// A builder of another package, through its wrapper.
func patchJob(ctx context.Context, s reachv1dep.MongoStore, id primitive.ObjectID, state string) error {
	if err := s.ApplyPatch(ctx, id, reachv1dep.NewPatch().Unset("lock").Set("owner", "me")); err != nil { // want `reachv1dep.MongoStore.ApplyPatch \(UpdateOne\) sets "owner" but its filter matches only "_id"`
		return err
	}
	p := reachv1dep.NewPatch()
	p.Set("state", state)
	return s.ApplyPatch(ctx, id, p) // want `reachv1dep.MongoStore.ApplyPatch \(UpdateOne\) sets "state" but its filter matches only "_id"`
}

type author struct {
	ID   primitive.ObjectID `bson:"id"`
	Name string             `bson:"name"`
}

// A subdocument written back whole under a filter on its own id.
func renameAuthor(ctx context.Context, c *mongo.Collection, a author) error {
	_, err := c.UpdateMany(ctx, bson.M{"author.id": a.ID}, bson.D{{Key: "$set", Value: bson.D{{Key: "author", Value: a}}}}) // want `UpdateMany sets "author" but its filter matches only "author.id" and it writes "author.id" back unchanged`
	return err
}

func init() { reachv1dep.JobNote = "state" }

// A key variable of another package that this package assigns is no key
// the analyzer knows.
func noteKey(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id, reachv1dep.JobNote: "a"}, bson.M{"$set": bson.M{"state": "b"}})
}

type card struct {
	Title string      `bson:"title"`
	Extra primitive.M `bson:"extra"`
}

// A struct with a map field, written whole by a helper, is a document of
// its bson fields, not a builder.
func retitle(title string) bson.M {
	k := card{Title: title, Extra: primitive.M{}}
	return bson.M{"$set": k}
}

func retitleCard(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, old, title string) error {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "title": old}, retitle(title))
	if err != nil || res.MatchedCount == 0 {
		return err
	}
	return nil
}

func retitlePost(ctx context.Context, p *reachv1dep.Posts, id primitive.ObjectID, title string) error {
	return p.Update(ctx, map[string]interface{}{"_id": id}, map[string]interface{}{"title": title}) // want `reachv1dep.Posts.Update \(UpdateOne\) sets "title" but its filter matches only "_id"`
}

type Tracking struct {
	ID       string `bson:"_id"`
	Domain   string `bson:"domain"`
	Revision string `bson:"revision"`
	Data     string `bson:"data"`
}

type Meta struct {
	Revision string `bson:"revision"`
}

type Embedded struct {
	Meta `bson:",inline"`
	Data string `bson:"data"`
}

// Another field of the struct written whole changes, on any path: its
// filter fields are still written back unchanged.
func track(ctx context.Context, c *mongo.Collection, d *Tracking, fresh bool) error {
	f := bson.M{"revision": d.Revision, "domain": d.Domain}
	if fresh {
		d.ID = "new"
		_, err := c.InsertOne(ctx, d)
		return err
	}
	d.Data = "seen"
	_, err := c.UpdateOne(ctx, f, bson.D{{Key: "$set", Value: d}}) // want `UpdateOne sets "domain", "revision", "data" but its filter matches only "revision", "domain" and it writes "revision", "domain" back unchanged`
	return err
}

// A promoted field changes with its embedded struct: a guard.
func trackEmbedded(ctx context.Context, c *mongo.Collection, d *Embedded, m Meta) error {
	f := bson.M{"revision": d.Revision}
	d.Meta = m
	res, err := c.UpdateOne(ctx, f, bson.D{{Key: "$set", Value: d}})
	if err == nil && res.MatchedCount == 0 {
		return fmt.Errorf("conflict")
	}
	return err
}

func renameByAdder(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, name string) error {
	f := bson.M{}
	reachv1dep.AddID(f, id)
	_, err := c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

func setLimit(ctx context.Context, c *mongo.Collection, owner, name string, v int) error {
	_, err := c.UpdateOne(ctx, bson.M{"owner": owner}, bson.M{"$set": bson.M{fmt.Sprintf("limits.%s", name): v}}) // want `UpdateOne sets "limits" but its filter matches only "owner"`
	return err
}

type apiToken struct {
	TokenID string
	Team    string
}

type tokenDoc struct {
	TokenID string `bson:"token_id"`
	Team    string `bson:"team"`
}

func saveToken(ctx context.Context, c *mongo.Collection, t apiToken) error {
	_, err := c.ReplaceOne(ctx, bson.M{"token_id": t.TokenID}, tokenDoc(t)) // want `ReplaceOne replaces the whole document but its filter matches only "token_id" and it writes "token_id" back unchanged`
	return err
}

func renameByHex(ctx context.Context, c *mongo.Collection, id, name string) error {
	filter := make(map[string]interface{})
	if err := reachv1dep.AddIDHex(filter, id); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"name": name}}) // want `UpdateOne sets "name" but its filter matches only "_id"`
	return err
}

func befriend(ctx context.Context, m *reachv1dep.Members, id primitive.ObjectID, u *reachv1dep.Member, friend string) error {
	u.Friends = append(u.Friends, friend)
	return m.Save(ctx, map[string]interface{}{"_id": id}, u) // want `reachv1dep.Members.Save \(UpdateOne\) sets fields with \$set but its filter matches only "_id"`
}

func replaceMember(ctx context.Context, m *reachv1dep.Members, id primitive.ObjectID, u reachv1dep.Member) error {
	return m.Replace(ctx, id, u) // checked in the wrapper, once
}

// A type-switching copy helper of another package: the case the
// argument's type takes is read, the reflection case is not.
func scopedCopies(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, doc interface{}) {
	set := bson.M{"$set": bson.M{"name": "x"}}
	c.UpdateOne(ctx, reachv1dep.Scoped("t", bson.D{{"_id", id}}), set)    // want `UpdateOne sets "name" but its filter matches only "_id", "tenant"`
	c.UpdateOne(ctx, reachv1dep.Scoped("t", bson.M{"_id": id}), set)      // want `UpdateOne sets "name" but its filter matches only "_id", "tenant"`
	c.UpdateOne(ctx, reachv1dep.Scoped("t", primitive.M{"_id": id}), set) // want `UpdateOne sets "name" but its filter matches only "_id", "tenant"`
	c.UpdateOne(ctx, reachv1dep.Scoped("t", struct{ ID primitive.ObjectID }{id}), set)
	c.UpdateOne(ctx, reachv1dep.Scoped("t", doc), set)
	res, err := c.UpdateOne(ctx, reachv1dep.Scoped("t", bson.M{"_id": id, "name": "old"}), set)
	_, _ = res.MatchedCount, err
}

// A collection wrapper that bounds the context it is given (reassigning
// the parameter) and passes a pointer to the update on.
type collWrapper struct {
	coll    *mongo.Collection
	timeout time.Duration
}

func (w *collWrapper) UpdateOneWithContext(ctx context.Context, filter interface{}, update interface{}, opts *options.UpdateOptions) (*mongo.UpdateResult, error) { // want UpdateOneWithContext:`wrapper UpdateOne filter \$1 update \$2 result returned`
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	return w.coll.UpdateOne(ctx, filter, update, opts)
}

func (w *collWrapper) UpdateOne(filter interface{}, update interface{}, opts *options.UpdateOptions) (*mongo.UpdateResult, error) { // want UpdateOne:`wrapper UpdateOne filter \$0 update \$1 result returned`
	return w.UpdateOneWithContext(context.Background(), filter, update, opts)
}

func boundedWrapper(w *collWrapper, id primitive.ObjectID, name string) error {
	filter := bson.D{{"_id", id}}
	update := bson.D{{"$set", bson.D{{"name", name}}}}
	_, err := w.UpdateOne(filter, &update, nil) // want `\(UpdateOne\) sets "name" but its filter matches only "_id"`
	return err
}

// A subdocument written whole, as a literal, under a filter on its own
// id and type (given by a filter helper): the id and the type are written
// back as they were, so they guard nothing.
type notiObject struct {
	ID   string `bson:"id"`
	Name string `bson:"name,omitempty"`
	Type string `bson:"type"`
}

type notiUpdate struct {
	Subject *notiObject `bson:"subject,omitempty"`
	Direct  *notiObject `bson:"direct,omitempty"`
}

func subjectFilter(id, typ string) map[string]interface{} {
	return map[string]interface{}{"subject.id": id, "subject.type": typ}
}

type notiStore struct{ c *mongo.Collection }

func (s *notiStore) updateAll(ctx context.Context, filter map[string]interface{}, data *notiUpdate) error {
	_, err := s.c.UpdateMany(ctx, filter, bson.D{{"$set", data}})
	return err
}

type group struct {
	ID   *string
	Name string
}

func renameInNotifications(s *notiStore, g *group) {
	go func(grp *group) {
		_ = s.updateAll(context.Background(), subjectFilter(*grp.ID, "group"), &notiUpdate{Subject: &notiObject{ID: *grp.ID, Name: grp.Name, Type: "group"}}) // want `\(UpdateMany\) sets "subject" but its filter matches only "subject.id", "subject.type" and it writes "subject.id", "subject.type" back unchanged`
	}(g)
}

// A key added to the $set of an update through a type assertion.
func nestedKeys(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, phone string, released bool, version int) error {
	update := bson.M{"$set": bson.M{"status": "active"}}
	if released {
		update["$set"].(bson.M)["until"] = nil
	}
	c.UpdateOne(ctx, bson.M{"phone": phone}, update) // want `UpdateOne sets "status", "until" but its filter matches only "phone"`

	bump := bson.M{"$set": bson.M{"name": "x"}}
	bump["$set"].(bson.M)["version"] = version + 1
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "version": version}, bump)
	if err == nil && res.MatchedCount == 0 {
		return fmt.Errorf("changed by another writer")
	}
	return err
}

// Keys and the operator named by variables of a package that does not use
// the driver.
func keysOfConstantsPackage(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, s string) {
	c.UpdateOne(ctx, bson.M{reachtags.KeyID: id}, bson.M{reachtags.OpSet: bson.M{reachtags.KeyStatus: s}}) // want `UpdateOne sets "status" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{reachtags.KeyID: id, reachtags.Moved: "x"}, bson.M{reachtags.OpSet: bson.M{"moved": s}})
}

// A getter of another package that only reads the filter leaves it known.
func readThenWrite(ctx context.Context, c *mongo.Collection, id primitive.ObjectID) {
	filter := bson.M{"_id": id}
	var out bson.M
	if err := reachv1dep.Get(ctx, c, filter, &out); err != nil {
		return
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": out["a"]}}) // want `UpdateOne sets "a" but its filter matches only "_id"`
}

// The same getter behind an interface with one implementation.
type itemGetter interface {
	Fetch(ctx context.Context, filter bson.M) error
}

type mongoItems struct{ c *mongo.Collection }

func (s mongoItems) Fetch(ctx context.Context, filter bson.M) error { // want Fetch:`reads its documents only`
	return s.c.FindOne(ctx, filter).Err()
}

func fetchThenSet(ctx context.Context, g itemGetter, c *mongo.Collection, id primitive.ObjectID) {
	filter := bson.M{"_id": id}
	if g.Fetch(ctx, filter) != nil {
		return
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"seen": true}}) // want `UpdateOne sets "seen" but its filter matches only "_id"`
}

// A converter of another package: the model copies the tenant matched.
func saveAccount(ctx context.Context, c *mongo.Collection, a *reachv1dep.Account) error {
	_, err := c.ReplaceOne(ctx, bson.M{"_id": a.ID, "tenant": a.Tenant}, a.ToModel()) // want `ReplaceOne replaces the whole document but its filter matches only "_id", "tenant" and it writes "tenant" back unchanged`
	return err
}

// A path concatenated by a helper of the package.
func subPath(parent, field string) string { return parent + "." + field }

func joinedKeys(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, s string) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{subPath("profile", "primary"): s}})                         // want `UpdateOne sets "profile.primary" but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id, subPath("profile", "primary"): "x"}, bson.M{"$set": bson.M{"profile.primary": s}}) // want `UpdateOne is conditional on "profile.primary" but its result is discarded`
}

// A request object of another package, filled by its setters and written
// by its wrapper.
func runOps(ctx context.Context, c *reachv1dep.OpColl, id primitive.ObjectID, name string, long bool) error {
	if _, err := c.UpdateOne(ctx, reachv1dep.NewOp().Where(bson.M{"_id": id}).Change(bson.M{"$set": bson.M{"name": name}}).Undo(bson.M{"$set": bson.M{"name": ""}}, "rename")); err != nil { // want `reachv1dep.OpColl.UpdateOne \(UpdateOne\) sets "name" but its filter matches only "_id"`
		return err
	}
	op := reachv1dep.NewOp()
	op.Where(bson.M{"_id": id})
	if long {
		op.Change(bson.M{"$set": bson.M{"size": "long"}})
	} else {
		op.Change(bson.M{"$set": bson.M{"size": "short"}})
	}
	op.After(nil)
	if _, err := c.UpdateOne(ctx, op); err != nil { // want `reachv1dep.OpColl.UpdateOne \(UpdateOne\) sets "size" but its filter matches only "_id"`
		return err
	}
	// A state transition: conditional, and its result is dropped.
	claim := reachv1dep.NewOp().Where(bson.M{"_id": id, "state": "new"}).Change(bson.M{"$set": bson.M{"state": "taken"}})
	if _, err := c.UpdateOne(ctx, claim); err != nil { // want `reachv1dep.OpColl.UpdateOne \(UpdateOne\) is conditional on "state" but its result is discarded`
		return err
	}
	// A method that is no setter leaves the filter unknown.
	_, err := c.UpdateOne(ctx, reachv1dep.NewOp().Checked(bson.M{"_id": id}).Change(bson.M{"$set": bson.M{"name": name}}))
	return err
}

// A helper of another package that returns both documents.
func countHits(ctx context.Context, c *mongo.Collection, n int) error {
	filter, update := reachv1dep.CounterDocs("hits", n)
	_, err := c.UpdateOne(ctx, filter, update) // want `UpdateOne sets "last" but its filter matches only "name"`
	return err
}
