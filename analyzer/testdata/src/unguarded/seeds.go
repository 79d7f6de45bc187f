// The examples of MongoDB's atomicity documentation, as Go driver v2 code.
package unguarded

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// "Atomicity and Transactions": both updates match _id, both succeed, the second silently wins.
func setScoreByID(ctx context.Context, games *mongo.Collection, id bson.ObjectID) {
	games.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"score": 90}}) // want `^state transition: UpdateOne sets "score" but its filter matches only "_id": a concurrent update of the same document is silently overwritten \(lost update\); add the current value or a version field to the filter, or use \$inc \(unguarded-update\)$`
}

// "Atomicity and Transactions": a filter on the field being changed makes the second update miss.
func setScoreIfCurrent(ctx context.Context, games *mongo.Collection) {
	games.UpdateOne(ctx, bson.M{"score": 80}, bson.M{"$set": bson.M{"score": 90}})
}

// "Atomicity and Transactions": $inc applies to the current value.
func addScore(ctx context.Context, games *mongo.Collection, id bson.ObjectID) {
	games.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"score": 10}})
}

// An $inc of a field the filter does not check does not protect the $set beside it.
func setBalanceCountOps(ctx context.Context, accounts *mongo.Collection, id bson.ObjectID, b int) {
	accounts.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"balance": b}, "$inc": bson.M{"ops": 1}}) // want `UpdateOne sets "balance" but its filter matches only "_id"`
}

// "Isolate Sequence of Operations": a version counter in the filter, incremented by the update.
func renameIfVersion(ctx context.Context, users *mongo.Collection, id bson.ObjectID, v int, name string) {
	users.UpdateOne(ctx, bson.M{"_id": id, "version": v}, bson.M{"$set": bson.M{"name": name}, "$inc": bson.M{"version": 1}})
}

// "Write Atomicity in MongoDB": a state transition guards the write.
func claim(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) {
	tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING", "claimed_at": 1}})
}

// "Atomic Operations": update if current with $gt, then $inc.
func reserve(ctx context.Context, items *mongo.Collection) {
	items.UpdateOne(ctx, bson.M{"sku": "abc", "qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}})
}

// A filter on a field that is not changed is no guard.
func renameByOwner(ctx context.Context, users *mongo.Collection, owner string) {
	users.UpdateMany(ctx, bson.M{"owner": owner}, bson.M{"$set": bson.M{"name": "x"}}) // want `UpdateMany sets "name" but its filter matches only "owner"`
}

func finish(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) {
	tasks.UpdateByID(ctx, id, bson.M{"$set": bson.M{"status": "DONE"}}) // want `UpdateByID sets "status" but its filter matches only "_id"`
}

func everything(ctx context.Context, tasks *mongo.Collection) {
	tasks.UpdateMany(ctx, bson.M{}, bson.M{"$set": bson.M{"migrated": true}}) // want `UpdateMany sets "migrated" but its filter matches any document`
}

type Game struct {
	ID    bson.ObjectID `bson:"_id"`
	Score int           `bson:"score"`
}

func replaceGame(ctx context.Context, games *mongo.Collection, g Game) {
	games.ReplaceOne(ctx, bson.M{"_id": g.ID}, g)              // want `ReplaceOne replaces the whole document but its filter matches only "_id"`
	games.FindOneAndReplace(ctx, bson.M{"_id": g.ID}, &g)      // want `FindOneAndReplace replaces the whole document but its filter matches only "_id"`
	games.ReplaceOne(ctx, bson.M{"_id": g.ID, "score": 80}, g) // the replacement changes score
	games.ReplaceOne(ctx, bson.M{}, nil)                       // the driver rejects a nil document
}

func findAndSet(ctx context.Context, games *mongo.Collection, id bson.ObjectID) {
	games.FindOneAndUpdate(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"score": 1}}) // want `FindOneAndUpdate sets "score" but its filter matches only "_id"`
}

// Updates without $set are not reported.
func noSet(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$setOnInsert": bson.M{"created": 1}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$currentDate": bson.M{"seen": true}})
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$push": bson.M{"log": "x"}})
}

// Any operator that changes a filter field makes a guard.
func unsetToken(ctx context.Context, c *mongo.Collection, id bson.ObjectID, token string) {
	c.UpdateOne(ctx, bson.M{"_id": id, "token": token}, bson.M{"$unset": bson.M{"token": ""}, "$set": bson.M{"verified": true}})
	c.UpdateOne(ctx, bson.M{"_id": id, "tags": "a"}, bson.M{"$pull": bson.M{"tags": "a"}, "$set": bson.M{"n": 1}})
}

// With an _id-only filter, unknown $set contents are still a lost update.
func setFields(ctx context.Context, c *mongo.Collection, id bson.ObjectID, fields bson.M) {
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": fields}) // want `UpdateOne sets fields with \$set but its filter matches only "_id"`
	c.UpdateOne(ctx, bson.M{"_id": id, "owner": 1}, bson.M{"$set": fields})
}

// Documents the analyzer cannot see keep it silent.
func fromParams(ctx context.Context, c *mongo.Collection, filter, update bson.M, id bson.ObjectID) {
	c.UpdateOne(ctx, filter, bson.M{"$set": bson.M{"a": 1}})
	c.UpdateOne(ctx, bson.M{"_id": id}, update)
	c.UpdateOne(ctx, bson.M{"_id": id, "$expr": bson.M{"$gt": bson.A{"$a", "$b"}}}, bson.M{"$set": bson.M{"a": 1}})
}
