// A filter field that the update writes back with the value the filter
// matched is no guard.
package writeback

import (
	"context"
	"errors"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type App struct {
	Name  string `bson:"name"`
	Image string `bson:"image"`
}

type Settings struct {
	UserID string `bson:"userId"`
	Theme  string `bson:"theme"`
}

var errLost = errors.New("lost the race")

func sameValue(ctx context.Context, c *mongo.Collection, app *App, u, theme string) {
	c.ReplaceOne(ctx, bson.M{"name": app.Name}, app)                                     // want `ReplaceOne replaces the whole document but its filter matches only "name" and it writes "name" back unchanged`
	c.UpdateOne(ctx, bson.M{"name": app.Name}, bson.M{"$set": app})                      // want `UpdateOne sets "name", "image" but its filter matches only "name" and it writes "name" back unchanged`
	c.ReplaceOne(ctx, bson.M{"userId": u}, Settings{UserID: u, Theme: theme})            // want `ReplaceOne replaces the whole document but its filter matches only "userId" and it writes "userId" back unchanged`
	c.UpdateOne(ctx, bson.M{"state": "A"}, bson.M{"$set": bson.M{"state": "A", "x": 1}}) // want `UpdateOne sets "state", "x" but its filter matches only "state" and it writes "state" back unchanged`
}

type Item struct {
	ID  bson.ObjectID `bson:"_id"`
	Qty int           `bson:"qty"`
}

func oldValue(ctx context.Context, c *mongo.Collection, id bson.ObjectID) error {
	var it Item
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&it); err != nil {
		return err
	}
	c.UpdateOne(ctx, bson.M{"_id": id, "qty": it.Qty}, bson.M{"$set": bson.M{"qty": it.Qty}}) // want `^read-modify-write: UpdateOne sets "qty" but its filter matches only "_id", "qty" and it writes "qty" back unchanged`

	// The value written differs from the value matched: a guard.
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "qty": it.Qty}, bson.M{"$set": bson.M{"qty": it.Qty - 1}})
	if err == nil && res.MatchedCount == 0 {
		return errLost
	}
	return err
}

// Guards that change the field.
func guards(ctx context.Context, c *mongo.Collection, id bson.ObjectID, app *App, v int, newName string) error {
	// A state transition.
	res, err := c.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// A version bump.
	res, err = c.UpdateOne(ctx, bson.M{"_id": id, "version": v}, bson.M{"$set": bson.M{"name": newName}, "$inc": bson.M{"version": 1}})
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// The filter was built before the name changed: a rename.
	filter := bson.M{"name": app.Name}
	app.Name = newName
	res, err = c.ReplaceOne(ctx, filter, app)
	if err != nil || res.MatchedCount == 0 {
		return errLost
	}
	// Unsure: is app.Image "latest"? Neither rule reports it.
	c.ReplaceOne(ctx, bson.M{"image": "latest"}, app)
	c.UpdateOne(ctx, bson.M{"image": newName}, bson.M{"$set": app})
	// Not written back: unchecked-result's business.
	_, err = c.UpdateOne(ctx, bson.M{"_id": id, "status": "A"}, bson.M{"$set": bson.M{"status": "B"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	return err
}

// The filter's own entry written back, read from the filter variable.
func markMaintenance(ctx context.Context, c *mongo.Collection, version string) {
	filter := bson.M{"maintenance": bson.M{"version": version}}
	doc := bson.M{"maintenance": filter["maintenance"], "at": version}
	c.ReplaceOne(ctx, filter, doc) // want `ReplaceOne replaces the whole document but its filter matches only "maintenance" and it writes "maintenance" back unchanged`
}

type notiObject struct {
	ID   string `bson:"id"`
	Name string `bson:"name,omitempty"`
}

// A subdocument written as a literal under a filter on its own id: the id
// written is the id matched, here read through the same pointer in one
// statement.
func renameSubject(ctx context.Context, c *mongo.Collection, id *string, name string) error {
	_, err := c.UpdateOne(ctx, bson.M{"subject.id": *id}, bson.M{"$set": bson.M{"subject": &notiObject{ID: *id, Name: name}}}) // want `UpdateOne sets "subject" but its filter matches only "subject.id" and it writes "subject.id" back unchanged`
	return err
}

// The literal gives the subdocument another id: the filter guards it.
func moveSubject(ctx context.Context, c *mongo.Collection, id, to, name string) error {
	res, err := c.UpdateOne(ctx, bson.M{"subject.id": id}, bson.M{"$set": bson.M{"subject": notiObject{ID: to, Name: name}}})
	if err == nil && res.MatchedCount == 0 {
		return errors.New("moved by another writer")
	}
	return err
}

type Model struct {
	Class string `bson:"class"`
	Maker string `bson:"maker"`
}

type Device struct {
	Model Model
	Path  string
	Level int
}

// The branches of $and all hold: an equality there pins its field as a
// top-level one does. A subdocument's field matched on the same field of
// the struct written whole is written back with it.
func andEqualities(ctx context.Context, c *mongo.Collection, d *Device) {
	c.ReplaceOne(ctx, bson.D{{Key: "$and", Value: bson.A{bson.D{{Key: "path", Value: d.Path}}}}}, d) // want `ReplaceOne replaces the whole document but its filter matches only "path" and it writes "path" back unchanged`
	c.ReplaceOne(ctx, bson.M{"model.class": d.Model.Class, "path": d.Path}, d)                       // want `ReplaceOne replaces the whole document but its filter matches only "model.class", "path" and it writes "model.class", "path" back unchanged`
	// Either branch of $or may hold: no pin, the fields may guard.
	c.ReplaceOne(ctx, bson.M{"$or": bson.A{bson.M{"path": d.Path}, bson.M{"level": 0}}}, d) // want `ReplaceOne is conditional on "path", "level" but its result is discarded`
	// Another struct's field: the value written may differ.
	var old Device
	c.ReplaceOne(ctx, bson.M{"model.class": old.Model.Class, "path": d.Path}, d)
}

type Cart struct {
	UserID string   `bson:"userId"`
	Items  []string `bson:"items"`
	Count  []int    `bson:"count"`
}

// Get or create, then upsert: the cart is decoded under the user's id, or
// made with it when there is none. Either way the id is written back.
func addToCart(ctx context.Context, c *mongo.Collection, user, item string) error {
	var cart Cart
	err := c.FindOne(ctx, bson.M{"userId": user}).Decode(&cart)
	if errors.Is(err, mongo.ErrNoDocuments) {
		cart = Cart{UserID: user}
	} else if err != nil {
		return err
	}
	for i := range cart.Count {
		cart.Count[i]++
	}
	cart.Items = append(cart.Items, item)
	return c.FindOneAndUpdate(ctx, bson.M{"userId": user}, bson.M{"$set": cart}).Err() // want `FindOneAndUpdate sets "userId", "items", "count" but its filter matches only "userId" and it writes "userId" back unchanged`
}

// Made with another user's id on one path: the filter's id may guard.
func moveCart(ctx context.Context, c *mongo.Collection, user, to string) error {
	var cart Cart
	err := c.FindOne(ctx, bson.M{"userId": user}).Decode(&cart)
	if errors.Is(err, mongo.ErrNoDocuments) {
		cart = Cart{UserID: to}
	}
	return c.FindOneAndUpdate(ctx, bson.M{"userId": user}, bson.M{"$set": cart}).Err()
}

// A key written back as the same rendering of the same value (a String()
// or an ObjectID's Hex()) is no guard; a call of anything else may give
// another value.
type accountID struct{ n int }

func (a accountID) String() string { return "" }

func setPhoto(ctx context.Context, c *mongo.Collection, aid accountID, owner bson.ObjectID, blob string) {
	c.UpdateOne(ctx, bson.M{"account": aid.String()}, bson.M{"$set": bson.M{"account": aid.String(), "photo": blob}}) // want `UpdateOne sets "account", "photo" but its filter matches only "account" and it writes "account" back unchanged`
	c.UpdateOne(ctx, bson.M{"owner": owner.Hex()}, bson.M{"$set": bson.M{"owner": owner.Hex(), "photo": blob}})       // want `UpdateOne sets "owner", "photo" but its filter matches only "owner" and it writes "owner" back unchanged`
	c.UpdateOne(ctx, bson.M{"account": next(aid)}, bson.M{"$set": bson.M{"account": next(aid), "photo": blob}})       // want `UpdateOne is conditional on "account" but its result is discarded`
}

func next(a accountID) string { return "" }

// A version bumped before a replacement, under a filter on the old
// version, surely changes: the replacement is conditional.
type balance struct {
	ID      bson.ObjectID `bson:"_id"`
	Chips   int           `bson:"chips"`
	Version int           `bson:"version"`
}

func saveBalance(ctx context.Context, c *mongo.Collection, b *balance) error {
	b.Version++
	_, err := c.ReplaceOne(ctx, bson.M{"_id": b.ID, "version": b.Version - 1}, b) // want `ReplaceOne is conditional on "version" but its result is discarded`
	return err
}

func versionFilter(id bson.ObjectID, v int) bson.M { return bson.M{"_id": id, "version": v} }

func saveBalanceFiltered(ctx context.Context, c *mongo.Collection, b *balance) error {
	filter := versionFilter(b.ID, b.Version)
	b.Version++
	b.Chips += 10
	_, err := c.ReplaceOne(ctx, filter, b) // want `ReplaceOne is conditional on "version" but its result is discarded`
	return err
}

// Set back, or set to a value not known to differ: no sure guard.
func saveBalanceSame(ctx context.Context, c *mongo.Collection, b *balance, v int) error {
	filter := versionFilter(b.ID, b.Version)
	b.Version = v
	_, err := c.ReplaceOne(ctx, filter, b)
	return err
}

// A String() of a pointer receiver (a builder's) may render another value
// the second time: no write-back.
func setPath(ctx context.Context, c *mongo.Collection, b *strings.Builder) {
	f := bson.M{"path": b.String()}
	b.WriteString("/x")
	c.UpdateOne(ctx, f, bson.M{"$set": bson.M{"path": b.String()}}) // want `UpdateOne is conditional on "path" but its result is discarded`
}
