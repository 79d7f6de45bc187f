package reachv1

import (
	"context"
	"reflect"
	"strings"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/bsoncodec"
	"go.mongodb.org/mongo-driver/mongo"
)

// Keys named by a field-name object made in the package itself, with the
// driver's struct tag parser; an inline struct adds no name to the path.
func bsonNames[T any]() T {
	v := new(T)
	if err := fillNames(v, nil); err != nil {
		panic(err)
	}
	return *v
}

func fillNames(ptr interface{}, prefix []string) error {
	val := reflect.Indirect(reflect.ValueOf(ptr))
	for i := 0; i < val.Type().NumField(); i++ {
		field := val.Type().Field(i)
		tags, err := bsoncodec.DefaultStructTagParser.ParseStructTags(field)
		if err != nil {
			return err
		}
		switch field.Type.Kind() {
		case reflect.String:
			val.Field(i).SetString(strings.Join(append(prefix, tags.Name), "."))
		case reflect.Struct:
			next := append(prefix, tags.Name)
			if tags.Inline {
				next = prefix
			}
			if err := fillNames(val.Field(i).Addr().Interface(), next); err != nil {
				return err
			}
		}
	}
	return nil
}

type audit struct {
	By string `bson:"by"`
}

type job struct {
	ID     string `bson:"_id"`
	State  string `bson:"state"`
	Worker string `bson:"worker"`
	audit  `bson:",inline"`
	Result struct {
		Code string `bson:"code"`
	} `bson:"result"`
	Attempts string `json:"attempts_n"` // the driver's name: "attempts"
}

var jobBson = bsonNames[job]()

func assign(ctx context.Context, c *mongo.Collection, id, w string) {
	c.UpdateOne(ctx, bson.M{jobBson.ID: id}, bson.M{"$set": bson.M{jobBson.Worker: w}}) // want `UpdateOne sets "worker" but its filter matches only "_id"`
}

func claim(ctx context.Context, c *mongo.Collection, id, w string) {
	c.UpdateOne(ctx, bson.M{jobBson.ID: id, jobBson.State: "queued"}, bson.M{"$set": bson.M{jobBson.State: "running", jobBson.Worker: w}}) // want `UpdateOne is conditional on "state" but its result is discarded`
}

func finish(ctx context.Context, c *mongo.Collection, id, code, by string) {
	c.UpdateOne(ctx, bson.M{jobBson.ID: id}, bson.M{"$set": bson.M{jobBson.Result.Code: code, jobBson.By: by}}) // want `UpdateOne sets "result.code", "by" but its filter matches only "_id"`
}

func retry(ctx context.Context, c *mongo.Collection, id, n string) {
	c.UpdateOne(ctx, bson.M{jobBson.ID: id}, bson.M{"$set": bson.M{jobBson.Attempts: n}}) // want `UpdateOne sets "attempts" but its filter matches only "_id"`
}
