// Documents built on several paths (driver v2): each path that reaches the
// write is read, and a write is unguarded when no path holds a guard.
package reach

import (
	"context"
	"fmt"
	"log"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// A key added under an if: the filter is {_id} or {_id, tenant}, and
// neither guards a $set of name.
func tenantKey(ctx context.Context, c *mongo.Collection, id bson.ObjectID, tenant string) {
	filter := bson.M{"_id": id}
	if tenant != "" {
		filter["tenant"] = tenant
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"name": "x"}}) // want `UpdateOne sets "name" but its filter matches only "_id", "tenant"`
}

// An update assigned in both branches of an if.
func ifElse(ctx context.Context, c *mongo.Collection, id bson.ObjectID, done bool) {
	var upd bson.M
	if done {
		upd = bson.M{"$set": bson.M{"status": "done"}}
	} else {
		upd = bson.M{"$set": bson.M{"status": "open", "note": "reopened"}}
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, upd) // want `state transition: UpdateOne sets "status", "note" but its filter matches only "_id"`
}

// An update assigned in the cases of a switch, in an ordered document.
func switchCases(ctx context.Context, c *mongo.Collection, id bson.ObjectID, kind int) {
	var upd bson.D
	switch kind {
	case 1:
		upd = bson.D{{Key: "$set", Value: bson.D{{Key: "a", Value: 1}}}}
	case 2:
		upd = bson.D{{Key: "$set", Value: bson.D{{Key: "b", Value: 2}}}}
	default:
		return
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, upd) // want `UpdateOne sets "a", "b" but its filter matches only "_id"`
}

// A variable reassigned before the call: the guard of the first value is
// gone.
func reassigned(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id, "status": "new"}
	filter = bson.M{"_id": id}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne sets "status" but its filter matches only "_id"`
}

// A guard on one path is a guard: the write is a conditional update, and
// its dropped result is unchecked-result's.
func conditionalGuard(ctx context.Context, c *mongo.Collection, id bson.ObjectID, expected string) {
	filter := bson.M{"_id": id}
	if expected != "" {
		filter["status"] = expected
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"status": "done"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
}

// A guard added in one case of a switch, over a filter declared without a
// value.
func guardInCase(ctx context.Context, c *mongo.Collection, id bson.ObjectID, kind int, v int64) error {
	var filter bson.D
	switch kind {
	case 1:
		filter = bson.D{{Key: "_id", Value: id}, {Key: "version", Value: v}}
	default:
		filter = bson.D{{Key: "_id", Value: id}}
	}
	res, err := c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}, "$inc": bson.M{"version": 1}})
	if err == nil && res.MatchedCount == 0 {
		return fmt.Errorf("lost")
	}
	return err
}

// Keys added in a loop are unknown: a filter with one may hold a guard.
func loopFilterKeys(ctx context.Context, c *mongo.Collection, id bson.ObjectID, extra map[string]any) {
	filter := bson.M{"_id": id}
	for k, v := range extra {
		filter[k] = v
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}

// A $set whose keys come from a loop is still a $set, and an _id filter
// guards none of them.
func loopSetKeys(ctx context.Context, c *mongo.Collection, id bson.ObjectID, fields map[string]any) {
	set := bson.M{}
	for k, v := range fields {
		set[k] = v
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": set}) // want `UpdateOne sets fields with \$set but its filter matches only "_id"`
}

// A constant key added in a loop is known.
func loopConstKey(ctx context.Context, c *mongo.Collection, id bson.ObjectID, n int) {
	set := bson.M{}
	for i := 0; i < n; i++ {
		set["count"] = i
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": set}) // want `UpdateOne sets "count" but its filter matches only "_id"`
}

// An element appended on one path.
func appendedInBranch(ctx context.Context, c *mongo.Collection, id bson.ObjectID, owner string) {
	filter := bson.D{{Key: "_id", Value: id}}
	if owner != "" {
		filter = append(filter, bson.E{Key: "owner", Value: owner})
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"owner": "me"}}) // want `UpdateOne is conditional on "owner" but its result is discarded`
}

// A document that a function may change stays unknown.
func handedOn(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	addVersion(filter)
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}

// addVersion adds a key only when it is missing: not read as a key adder.
func addVersion(m bson.M) {
	if _, ok := m["version"]; !ok {
		m["version"] = 1
	}
}

// A document that is only printed or logged is still known: a parameter
// of interface type is not changed through.
func logged(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	log.Printf("updating %v", filter)
	_ = fmt.Sprint(filter)
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a" but its filter matches only "_id"`
}

// Unknown on one path: the filter may hold a guard.
func unknownOnePath(ctx context.Context, c *mongo.Collection, id bson.ObjectID, custom bool) {
	filter := bson.M{"_id": id}
	if custom {
		filter = makeFilter()
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}

func makeFilter() bson.M {
	m := bson.M{}
	addVersion(m)
	return m
}

// A change after the call in a loop reaches it on the next iteration.
func loopCarriedGuard(ctx context.Context, c *mongo.Collection, id bson.ObjectID, n int) {
	filter := bson.M{"_id": id}
	for i := 0; i < n; i++ {
		res, err := c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": i}})
		if err != nil || res.MatchedCount == 0 {
			return
		}
		filter["a"] = i
	}
}

// A filter and an update both built on two paths: the guard of one path
// may never meet the change of the other, and nothing is said.
func correlatedPaths(ctx context.Context, c *mongo.Collection, id bson.ObjectID, sub string, existing bool) error {
	filter := bson.M{"_id": id}
	update := bson.M{"$push": bson.M{"subs": bson.M{"id": sub}}}
	if existing {
		filter = bson.M{"_id": id, "subs.id": sub}
		update = bson.M{"$set": bson.M{"subs.$": bson.M{"id": sub}}}
	}
	_, err := c.UpdateOne(ctx, filter, update)
	return err
}

// A filter built from itself in a loop holds itself on the next
// iteration: read once, it is unknown there, and nothing is said.
func builtFromItself(ctx context.Context, c *mongo.Collection, id bson.ObjectID, tenants []string) {
	filter := bson.M{"_id": id}
	for _, t := range tenants {
		filter = bson.M{"$or": bson.A{filter, bson.M{"tenant": t}}}
		filter = bson.M{"$and": bson.A{filter, filter, bson.M{"x": t}}}
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}

// A helper that builds its document from itself in a loop.
func nested(f bson.M, keys []string) bson.M {
	for _, k := range keys {
		f = bson.M{"$and": bson.A{f, f, bson.M{k: 1}}}
		f = bson.M{"$or": bson.A{f, f}}
	}
	return f
}

func useNested(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, nested(bson.M{"_id": id}, nil), bson.M{"$set": bson.M{"a": 1}})
}

// Keys computed in a loop under a constant path: their top field is known.
func setAttributes(ctx context.Context, c *mongo.Collection, device string, attrs map[string]string) {
	set := bson.M{}
	for name, v := range attrs {
		set["attributes."+name+".value"] = v
		key := "attributes." + name + ".at"
		set[key] = 1
	}
	c.UpdateOne(ctx, bson.M{"device_id": device}, bson.M{"$set": set}) // want `UpdateOne sets "attributes" but its filter matches only "device_id"`
}

func notDeleted(f bson.M) bson.M {
	f["deleted_at"] = nil
	return f
}

// A helper that adds a key to the filter it is given and returns it,
// assigned back to the same variable: the call sees the filter before
// the assignment.
func throughHelper(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{}
	filter = notDeleted(filter)
	filter["_id"] = id
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"name": "x"}}) // want `UpdateOne sets "name" but its filter matches only "deleted_at", "_id"`
}

// A $set added only when there is something to set.
func setIfAny(ctx context.Context, c *mongo.Collection, id bson.ObjectID, name string) {
	data := bson.M{}
	if name != "" {
		data["name"] = name
	}
	data["updated_at"] = 1
	update := bson.M{}
	if len(data) > 0 {
		update["$set"] = data
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, update) // want `UpdateOne sets "updated_at", "name" but its filter matches only "_id"`
}

type patch struct {
	Name, Email, Phone, City, Zip *string
}

// A patch: each field set under its own condition, 32 paths that the
// flow folds into one value with every key that may be set.
func applyPatch(ctx context.Context, c *mongo.Collection, id bson.ObjectID, p patch) {
	set := bson.M{}
	if p.Name != nil {
		set["name"] = *p.Name
	}
	if p.Email != nil {
		set["email"] = *p.Email
	}
	if p.Phone != nil {
		set["phone"] = *p.Phone
	}
	if p.City != nil {
		set["city"] = *p.City
	}
	if p.Zip != nil {
		set["zip"] = *p.Zip
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": set}) // want `UpdateOne sets "name", "email", "phone", "city", "zip" but its filter matches only "_id"`
	filter := bson.M{"_id": id}
	if p.Name != nil {
		filter["name"] = *p.Name
	}
	if p.Email != nil {
		filter["email"] = *p.Email
	}
	if p.Phone != nil {
		filter["phone"] = *p.Phone
	}
	if p.City != nil {
		filter["city"] = *p.City
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"zip": "0"}}) // want `UpdateOne sets "zip" but its filter matches only "_id", "name", "email", "phone", "city"`
}

// A getter that only reads the filter it is handed leaves it as it was:
// the write that follows reads it.
func GetItem(ctx context.Context, c *mongo.Collection, filter bson.M) (bson.M, error) { // want GetItem:`reads its documents only`
	var out bson.M
	if len(filter) == 0 {
		return nil, nil
	}
	fmt.Println("get", filter, filter["_id"])
	logged := map[string]any{"filter": filter}
	fmt.Println(logged, []any{filter})
	err := c.FindOne(ctx, filter).Decode(&out)
	return out, err
}

// One that adds a key to it changes it.
func getScoped(ctx context.Context, c *mongo.Collection, filter bson.M) error {
	filter["tenant"] = "t"
	return c.FindOne(ctx, filter).Err()
}

func readThenWrite(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	if _, err := GetItem(ctx, c, filter); err != nil {
		return
	}
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a" but its filter matches only "_id"`

	scoped := bson.M{"_id": id}
	getScoped(ctx, c, scoped)
	c.UpdateOne(ctx, scoped, bson.M{"$set": bson.M{"a": 1}})
}

// A getter that stores the filter in a field of its own type may change
// it later.
type lastQuery struct{ f bson.M }

func (q *lastQuery) Get(ctx context.Context, c *mongo.Collection, filter bson.M) error {
	*q = lastQuery{f: filter}
	return c.FindOne(ctx, filter).Err()
}

func storedThenWrite(ctx context.Context, q *lastQuery, c *mongo.Collection, id bson.ObjectID) {
	filter := bson.M{"_id": id}
	q.Get(ctx, c, filter)
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
}

// A getter that writes into a subdocument of its filter, or hands one on
// to be changed, changes the filter: no fact.
func GetMarked(ctx context.Context, c *mongo.Collection, filter bson.M) error {
	filter["meta"].(bson.M)["seen"] = true
	return c.FindOne(ctx, filter).Err()
}

func GetNested(ctx context.Context, c *mongo.Collection, filter bson.M) error {
	markSeen(filter["meta"].(bson.M))
	return c.FindOne(ctx, filter).Err()
}

func markSeen(m bson.M) { m["seen"] = true }
