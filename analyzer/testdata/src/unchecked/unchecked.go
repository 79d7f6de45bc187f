package unchecked

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type Task struct {
	ID     bson.ObjectID `bson:"_id"`
	Status string        `bson:"status"`
}

var (
	claimFilter = bson.M{"status": "CREATED"}
	errTaken    = errors.New("taken")
	lastErr     error
)

// "Write Atomicity in MongoDB": claimTask reads ModifiedCount to learn whether it won.
func claimTask(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) (bool, error) {
	res, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})
	if err != nil {
		return false, err
	}
	return res.ModifiedCount == 1, nil
}

func discarded(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) error {
	tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})           // want `^UpdateOne is conditional on "status" but its result is discarded: when another writer got there first, MatchedCount is 0 with a nil error and this code carries on as if it had won; check MatchedCount or ModifiedCount \(unchecked-result\)$`
	_, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but its result is discarded`
	return err
}

func boundUnread(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) (bson.ObjectID, error) {
	res, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "STALE"}}) // want `UpdateOne is conditional on "status" but res.MatchedCount and res.ModifiedCount are never read`
	if err != nil {
		return bson.ObjectID{}, err
	}
	_ = res.UpsertedID
	return id, nil
}

// UpdateMany is a batch: that nothing was due is a normal outcome, not a
// lost compare-and-swap.
func expireDue(ctx context.Context, tasks *mongo.Collection) error {
	_, err := tasks.UpdateMany(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "EXPIRED"}})
	return err
}

// Assigning the result to the blank identifier is not a look at it.
func blankRead(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) error {
	res, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but res.MatchedCount and res.ModifiedCount are never read`
	_ = res
	return err
}

// Neither is a comparison with nil: it holds whether or not anything matched.
func nilRead(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) (bool, error) {
	res, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `UpdateOne is conditional on "status" but res.MatchedCount and res.ModifiedCount are never read`
	return res != nil, err
}

// A guarded upsert that loses the race fails with a duplicate-key error
// instead of matching nothing: checking its error is enough...
func lockUpsert(ctx context.Context, locks *mongo.Collection, id string) error {
	_, err := locks.UpdateOne(ctx, bson.M{"_id": id, "locked": false}, bson.M{"$set": bson.M{"locked": true}}, options.UpdateOne().SetUpsert(true))
	if err != nil {
		return err
	}
	opts := options.UpdateOne().SetUpsert(true)
	_, err = locks.UpdateOne(ctx, bson.M{"_id": id, "owner": ""}, bson.M{"$set": bson.M{"owner": "me"}}, opts)
	return err
}

// The builder in a variable whose SetUpsert(true) is a statement of its
// own.
func lockUpsertBuilt(ctx context.Context, locks *mongo.Collection, id string) error {
	opts := options.UpdateOne()
	opts.SetUpsert(true)
	_, err := locks.UpdateOne(ctx, bson.M{"_id": id, "locked": false}, bson.M{"$set": bson.M{"locked": true}}, opts)
	return err
}

// ...but not when the error is dropped too, nor when the upsert may be off.
func lockUpsertDropped(ctx context.Context, locks *mongo.Collection, id string, upsert bool) {
	locks.UpdateOne(ctx, bson.M{"_id": id, "locked": false}, bson.M{"$set": bson.M{"locked": true}}, options.UpdateOne().SetUpsert(true))             // want `UpdateOne is conditional on "locked" but its result is discarded`
	_, err := locks.UpdateOne(ctx, bson.M{"_id": id, "locked": false}, bson.M{"$set": bson.M{"locked": true}}, options.UpdateOne().SetUpsert(upsert)) // want `UpdateOne is conditional on "locked" but its result is discarded`
	_ = err
}

func readSomewhere(ctx context.Context, items *mongo.Collection, sku string) error {
	res, err := items.UpdateOne(ctx, bson.M{"sku": sku, "qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}})
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return errTaken
	}
	res2, _ := items.UpdateOne(ctx, bson.M{"sku": sku, "qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}})
	go func() { println(res2.UpsertedCount) }()
	return nil
}

// "Atomic Operations": the $gt guard makes the $inc conditional too.
func decrementUnchecked(ctx context.Context, items *mongo.Collection, sku string) {
	items.UpdateOne(ctx, bson.M{"sku": sku, "qty": bson.M{"$gt": 0}}, bson.M{"$inc": bson.M{"qty": -1}}) // want `UpdateOne is conditional on "qty"`
}

// A result that escapes counts as looked at.
func escapes(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) (*mongo.UpdateResult, error) {
	res, err := tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "A"}, bson.M{"$set": bson.M{"status": "B"}})
	report(res)
	_ = err
	var box struct{ r *mongo.UpdateResult }
	box.r, _ = tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "A"}, bson.M{"$set": bson.M{"status": "B"}})
	_ = box
	return tasks.UpdateOne(ctx, bson.M{"_id": id, "status": "A"}, bson.M{"$set": bson.M{"status": "B"}})
}

func report(*mongo.UpdateResult) {}

// Unconditional updates are the other rule's business.
func unconditional(ctx context.Context, tasks *mongo.Collection, id bson.ObjectID) {
	tasks.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}})
	tasks.UpdateOne(ctx, claimFilter, bson.M{"$set": bson.M{"status": "B"}})
}

func findOneAndUpdate(ctx context.Context, tasks *mongo.Collection) (*Task, error) {
	var t Task
	tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})            // want `^FindOneAndUpdate is conditional on "status" but its result is dropped: when another writer got there first, the error is mongo.ErrNoDocuments and this code carries on as if it had won; check the error \(unchecked-result\)$`
	tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}).Decode(&t) // want `FindOneAndUpdate is conditional on "status" but the error of Decode is dropped`
	_ = tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}).Err()  // want `the error of Err is dropped`
	_ = tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})        // want `its result is dropped`

	sr := tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}) // want `the error of sr is never checked`
	sr.Decode(&t)

	lastErr = tasks.FindOneAndReplace(ctx, bson.M{"_id": t.ID, "status": "A"}, bson.M{"status": "B"}).Err() // want `FindOneAndReplace is conditional on "status" but the error of Err is never checked`

	if err := tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}).Decode(&t); err != nil {
		return nil, err
	}
	ok := tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}})
	if err := ok.Err(); errors.Is(err, mongo.ErrNoDocuments) {
		return nil, err
	}
	if _, err := tasks.FindOneAndUpdate(ctx, bson.M{"status": "A"}, bson.M{"$set": bson.M{"status": "B"}}).Raw(); err != nil {
		return nil, err
	}
	return &t, tasks.FindOneAndUpdate(ctx, bson.M{"status": "CREATED"}, bson.M{"$set": bson.M{"status": "RUNNING"}}).Err()
}
