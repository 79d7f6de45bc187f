// Inserts that run because a read found nothing (v1).
package insertabsentv1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type User struct {
	ID    primitive.ObjectID `bson:"_id,omitempty"`
	Email string             `bson:"email"`
}

var errExists = errors.New("already registered")

// "Atomic Operations", "Insert if Not Present", without the duplicate-key check.
func register(ctx context.Context, users *mongo.Collection, email string) error {
	err := users.FindOne(ctx, bson.M{"email": email}).Err()
	if errors.Is(err, mongo.ErrNoDocuments) {
		_, err = users.InsertOne(ctx, User{Email: email}) // want `^InsertOne runs when FindOne on the same collection found no document, but two callers can both find none and both insert; rely on a unique index and handle the duplicate-key error \(mongo.IsDuplicateKeyError\), or use an upsert with \$setOnInsert`
		return err
	}
	return err
}

func registerDecode(ctx context.Context, users *mongo.Collection, email string) (User, error) {
	var u User
	if err := users.FindOne(ctx, bson.M{"email": email}).Decode(&u); err == mongo.ErrNoDocuments {
		u = User{Email: email}
		res, err := users.InsertOne(ctx, u) // want `InsertOne runs when FindOne on the same collection found no document`
		if err != nil {
			return User{}, err
		}
		u.ID = res.InsertedID.(primitive.ObjectID)
	} else if err != nil {
		return User{}, err
	}
	return u, nil
}

// The early-return form.
func registerEarly(ctx context.Context, users *mongo.Collection, email string) error {
	sr := users.FindOne(ctx, bson.M{"email": email})
	err := sr.Err()
	if err == nil {
		return errExists
	}
	if !errors.Is(err, mongo.ErrNoDocuments) {
		return err
	}
	_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when FindOne on the same collection found no document`
	return err
}

// Counting first.
func registerCount(ctx context.Context, users *mongo.Collection, email string) error {
	n, err := users.CountDocuments(ctx, bson.M{"email": email})
	if err != nil {
		return err
	}
	if n > 0 {
		return errExists
	}
	_, err = users.InsertOne(ctx, User{Email: email}) // want `InsertOne runs when CountDocuments on the same collection found no document`
	return err
}

func seed(ctx context.Context, db *mongo.Database) {
	if n, _ := db.Collection("settings").CountDocuments(ctx, bson.M{}); n == 0 {
		// Seeding an empty collection runs once, at start-up or under a
		// lock (a migration): not reported.
		db.Collection("settings").InsertOne(ctx, bson.M{"theme": "light"})
	}
	switch err := db.Collection("settings").FindOne(ctx, bson.M{"_id": "flags"}).Err(); {
	case err == nil:
	case errors.Is(err, mongo.ErrNoDocuments):
		db.Collection("settings").InsertOne(ctx, bson.M{"_id": "flags"}) // want `InsertOne runs when FindOne on the same collection found no document`
	}
}

// Silent: the duplicate key handled, an upsert, another collection, a
// transaction, and conditions that do not say "found nothing".
func registerDup(ctx context.Context, users *mongo.Collection, email string) error {
	err := users.FindOne(ctx, bson.M{"email": email}).Err()
	if !errors.Is(err, mongo.ErrNoDocuments) {
		return err
	}
	_, err = users.InsertOne(ctx, User{Email: email})
	if mongo.IsDuplicateKeyError(err) {
		return errExists
	}
	return err
}

func registerAs(ctx context.Context, users *mongo.Collection, email string) error {
	if n, err := users.CountDocuments(ctx, bson.M{"email": email}); err != nil || n != 0 {
		return errExists
	}
	if _, err := users.InsertOne(ctx, User{Email: email}); err != nil {
		var coded interface{ HasErrorCode(int) bool }
		if errors.As(err, &coded) && coded.HasErrorCode(11000) {
			return errExists
		}
		return err
	}
	return nil
}

func registerUpsert(ctx context.Context, users *mongo.Collection, email string) error {
	_, err := users.UpdateOne(ctx, bson.M{"email": email}, bson.M{"$setOnInsert": User{Email: email}}, options.Update().SetUpsert(true))
	return err
}

func audit(ctx context.Context, users, log *mongo.Collection, email string) error {
	err := users.FindOne(ctx, bson.M{"email": email}).Err()
	if errors.Is(err, mongo.ErrNoDocuments) {
		_, err = log.InsertOne(ctx, bson.M{"miss": email})
	}
	return err
}

func otherConditions(ctx context.Context, users *mongo.Collection, email string, other error) {
	err := users.FindOne(ctx, bson.M{"email": email}).Err()
	if err != nil {
		users.InsertOne(ctx, User{Email: email}) // any error, not "none found"
	}
	if errors.Is(other, mongo.ErrNoDocuments) {
		users.InsertOne(ctx, User{Email: email}) // not this read's error
	}
	if n, _ := users.CountDocuments(ctx, bson.M{}); n > 0 {
		users.InsertOne(ctx, User{Email: email})
	}
	for n, _ := users.CountDocuments(ctx, bson.M{}); n == 0; n++ {
		users.InsertOne(ctx, User{Email: email}) // loose: n changes
	}
}

func inTransaction(ctx context.Context, client *mongo.Client, users *mongo.Collection, email string) error {
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		err := users.FindOne(sc, bson.M{"email": email}).Err()
		if errors.Is(err, mongo.ErrNoDocuments) {
			return users.InsertOne(sc, User{Email: email})
		}
		return nil, err
	})
	return err
}

// The read before the transaction is not part of it.
func readBeforeTransaction(ctx context.Context, client *mongo.Client, users *mongo.Collection, email string) error {
	err := users.FindOne(ctx, bson.M{"email": email}).Err()
	if !errors.Is(err, mongo.ErrNoDocuments) {
		return err
	}
	sess, err := client.StartSession()
	if err != nil {
		return err
	}
	defer sess.EndSession(ctx)
	_, err = sess.WithTransaction(ctx, func(sc mongo.SessionContext) (interface{}, error) {
		return users.InsertOne(sc, User{Email: email}) // want `InsertOne runs when FindOne on the same collection found no document`
	})
	return err
}
